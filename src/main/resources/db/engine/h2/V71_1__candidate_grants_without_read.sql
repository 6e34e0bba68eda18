-- Candidate-group grants on tasks without the READ that the case's region grants already give
-- (identity.internal.CaseTaskAuthorizations, docs/benchmarks/dibao.md, "Change: one authorization row per task in the
-- worklist's join").
--
-- Camunda grants each candidate group READ + UPDATE on the task and READ on the historic task. Where the group is a
-- role group whose members are all in region-<its code> (every role but analyst and admin: Staff.ensureUser, the
-- directory's derived groups) and that region group holds READ on the same task (the case's region chain,
-- CaseAccessGrants), the group's own READ grants nobody anything, so the task row keeps UPDATE only (claim, complete),
-- the historic-task row goes. Everything else (ALL rows, other groups, tasks without region grants) stays as it is.
-- Resource types: 7 task, 19 historic task, permission bits: 2 READ, 4 UPDATE, authorization type 1 grant.

UPDATE act_ru_authorization c
   SET perms_ = c.perms_ - 2, rev_ = c.rev_ + 1
 WHERE c.type_ = 1 AND c.resource_type_ = 7
   AND REGEXP_LIKE(c.group_id_, '^(village-assistant|township-caseworker|township-approver|county-caseworker|county-approver|supervisor|auditor)-[0-9]+$')
   AND c.perms_ <> 2147483647 AND BITAND(c.perms_, 6) = 6
   AND EXISTS (SELECT 1 FROM act_ru_authorization r
                WHERE r.type_ = 1 AND r.resource_type_ = 7 AND r.resource_id_ = c.resource_id_
                  AND r.group_id_ = 'region-' || REGEXP_SUBSTR(c.group_id_, '[0-9]+$') AND BITAND(r.perms_, 2) = 2);

DELETE FROM act_ru_authorization c
 WHERE c.type_ = 1 AND c.resource_type_ = 19 AND c.perms_ = 2
   AND REGEXP_LIKE(c.group_id_, '^(village-assistant|township-caseworker|township-approver|county-caseworker|county-approver|supervisor|auditor)-[0-9]+$')
   AND EXISTS (SELECT 1 FROM act_ru_authorization r
                WHERE r.type_ = 1 AND r.resource_type_ = 19 AND r.resource_id_ = c.resource_id_
                  AND r.group_id_ = 'region-' || REGEXP_SUBSTR(c.group_id_, '[0-9]+$') AND BITAND(r.perms_, 2) = 2);
