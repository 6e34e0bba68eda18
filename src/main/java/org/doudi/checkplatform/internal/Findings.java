package org.doudi.checkplatform.internal;

import java.util.List;
import org.doudi.checkplatform.CheckResult.FoundAsset;
import org.doudi.checkplatform.CheckResult.MemberFindings;

/** What a platform answered, before it is compared with the declaration. */
public record Findings(String reference, List<MemberFindings> members, List<FoundAsset> assets) {}
