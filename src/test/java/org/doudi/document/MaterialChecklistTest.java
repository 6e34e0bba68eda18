package org.doudi.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The 受理 checklists of the schemes and the refusal text (plain unit test; the stored files are tested in DocumentsTest). */
class MaterialChecklistTest {

  @Test
  void noChecklistItemIsBackedByANoticeOrOtherMaterial() {
    for (MaterialChecklist c : MaterialChecklist.values()) {
      assertThat(c.fields()).isNotEmpty();
      for (String field : c.fields()) {
        assertThat(c.typesOf(field)).as(c + " " + field).isNotEmpty()
            .doesNotContain(MaterialType.NOTICE, MaterialType.OTHER);
      }
    }
  }

  @Test
  void eachSchemeMapsItsOwnFields() {
    assertThat(MaterialChecklist.DIBAO.typesOf("materialIncome")).containsExactly(MaterialType.INCOME);
    assertThat(MaterialChecklist.TEKUN.typesOf("materialIncomeAssets"))
        .containsExactlyInAnyOrder(MaterialType.INCOME, MaterialType.ASSETS);
    assertThat(MaterialChecklist.TEKUN.typesOf("materialGuardian")).containsExactly(MaterialType.GUARDIANSHIP_PROOF);
    assertThat(MaterialChecklist.TEMPORARY_EXPENDITURE.typesOf("materialExpenseProof"))
        .containsExactly(MaterialType.EXPENSE_PROOF);
    assertThat(MaterialChecklist.TEMPORARY_EXPENDITURE.typesOf("materialIncome")).isEmpty();
    assertThat(MaterialChecklist.DIBAO.typesOf("materialExpenseProof")).isEmpty();
  }

  @Test
  void aFormCheckNamingOtherCheckboxesThanItsChecklistStopsTheStart() {
    MaterialChecklist.TEMPORARY_EXPENDITURE.requireFields(MaterialChecklist.TEMPORARY_EXPENDITURE.fields());
    assertThatThrownBy(() -> MaterialChecklist.TEMPORARY_EXPENDITURE.requireFields(
        java.util.Set.of("materialApplication", "materialIdentity")))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("TEMPORARY_EXPENDITURE");
  }

  @Test
  void aFieldOutsideTheChecklistIsAProgrammingErrorEvenWhenFilesAreNotRequired() {
    Documents paperOnly = new Documents(null, 1000, false);
    assertThatThrownBy(() -> paperOnly.unbackedChecklistItems("pid", MaterialChecklist.DIBAO,
        List.of("materialExpenseProof"))).isInstanceOf(IllegalArgumentException.class);
    assertThat(paperOnly.unbackedChecklistItems("pid", MaterialChecklist.DIBAO, List.of("materialIncome"))).isEmpty();
  }

  @Test
  void theRefusalNamesEachUnbackedItemWithTheKindsItLacks() {
    String text = Documents.refusal(List.of(
        new Documents.UnbackedItem("materialIncomeAssets", List.of(MaterialType.ASSETS)),
        new Documents.UnbackedItem("materialGuardian", List.of(MaterialType.GUARDIANSHIP_PROOF))),
        Map.of("materialIncomeAssets", "本人收入和财产状况说明", "materialGuardian", "监护关系证明"));
    assertThat(text).isEqualTo("已勾选“本人收入和财产状况说明”，但本案还没有这类材料的扫描件：家庭财产情况证明；"
        + "已勾选“监护关系证明”，但本案还没有这类材料的扫描件：监护关系证明。请先在“申请材料”标签页上传对应类型的扫描件，"
        + "或取消勾选（未勾选的材料按材料不齐全处理，一次性告知申请人）");
  }
}
