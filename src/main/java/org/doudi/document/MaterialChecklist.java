package org.doudi.document;

import static org.doudi.document.MaterialType.*;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The 受理 materials checklists of the schemes: each checkbox of a 受理 form ({@code materialIdentity}, …) and the
 * material types whose files back a tick. A ticked item needs a file of <em>every</em> type it lists (特困's
 * 本人收入和财产状况说明 is a 收入 and a 财产 proof). {@link MaterialType#OTHER} and {@link MaterialType#NOTICE} back
 * no item. Used by {@link Documents#unbackedChecklistItems(String, MaterialChecklist, java.util.Collection)}.
 */
public enum MaterialChecklist {
  /** 最低生活保障审核确认办法 第10条 (form {@code dibao-accept}). */
  DIBAO(
      item("materialIdentity", IDENTITY),
      item("materialIncome", INCOME),
      item("materialAssets", ASSETS),
      item("materialAuthorisation", AUTHORISATION),
      item("materialPledge", PLEDGE),
      item("materialDisabilityProof", DISABILITY_PROOF)),
  /** 特困人员认定办法 (form {@code tekun-accept}); the guardian's proof only when a guardian applies. */
  TEKUN(
      item("materialApplication", APPLICATION),
      item("materialIdentity", IDENTITY),
      item("materialIncomeAssets", INCOME, ASSETS),
      item("materialAuthorisation", AUTHORISATION),
      item("materialSupporter", SUPPORTER_STATEMENT),
      item("materialGuardian", GUARDIANSHIP_PROOF)),
  /** 支出型临时救助 (form {@code temporary-expenditure-accept}; 急难型 has no 受理 checklist: 先行救助, 补齐手续). */
  TEMPORARY_EXPENDITURE(
      item("materialApplication", APPLICATION),
      item("materialIdentity", IDENTITY),
      item("materialExpenseProof", EXPENSE_PROOF),
      item("materialAuthorisation", AUTHORISATION),
      item("materialPledge", PLEDGE));

  private final Map<String, Set<MaterialType>> items;

  MaterialChecklist(Item... items) {
    Map<String, Set<MaterialType>> m = new LinkedHashMap<>();
    for (Item i : items) {
      if (i.types().contains(OTHER) || i.types().contains(NOTICE)) {
        throw new IllegalStateException("no checklist item is backed by " + i.types());
      }
      m.put(i.field(), Collections.unmodifiableSet(EnumSet.copyOf(i.types())));
    }
    this.items = Collections.unmodifiableMap(m);
  }

  private record Item(String field, List<MaterialType> types) {}

  private static Item item(String field, MaterialType... types) {
    return new Item(field, List.of(types));
  }

  /** The checklist's form fields, in the order of the form. */
  public Set<String> fields() {
    return items.keySet();
  }

  /**
   * Fails at start-up when a scheme's 受理 form check names other checkboxes than this checklist (the form, its
   * check and the documents that back a tick must speak of the same items).
   */
  public void requireFields(Set<String> formFields) {
    if (!formFields.equals(fields())) {
      throw new IllegalStateException("the 受理 form's materials " + formFields + " differ from the document "
          + "module's " + this + " checklist " + fields());
    }
  }

  /** The types a tick of {@code field} needs a file of; empty when {@code field} is not an item of this checklist. */
  public Set<MaterialType> typesOf(String field) {
    return items.getOrDefault(field, Set.of());
  }
}
