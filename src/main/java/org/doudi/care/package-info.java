/**
 * 特困人员供养安排 (吉民发〔2020〕40号 三(二), 三(三); issue 16 item 4; docs/care.md): 集中供养 placements in care
 * institutions (beds, 护理型床位, the county's institutions first and then the city's, a waiting list with 完全丧失
 * people first, a freed bed to the head of the list) and 分散供养 under a three-party agreement with periodic visits
 * (frequency by care level, DMN {@code tekun-visit-frequency}) and renewal. Follows module {@code tekun}'s events
 * ({@link org.doudi.tekun.TekunRecognised}, {@link org.doudi.tekun.TekunCareLevelChanged},
 * {@link org.doudi.tekun.TekunSupportEnded}); never reads tekun's tables. Tables {@code care_*}; processes
 * {@code care-placement} and {@code care-agreement}.
 */
package org.doudi.care;
