/**
 * 特困人员救助供养 (吉民发〔2020〕40号 二(三), 三(二), 三(三); 特困人员认定办法 2021, docs/tekun.md): recognition, the
 * person's support record ({@code tekun_person}), standards and amounts, changes and termination. Care arrangements
 * (集中供养 placements, 分散供养 agreements and visits) live in module {@code care}, which follows this module's events
 * {@link org.doudi.tekun.TekunRecognised}, {@link org.doudi.tekun.TekunCareLevelChanged} and
 * {@link org.doudi.tekun.TekunSupportEnded}.
 */
package org.doudi.tekun;
