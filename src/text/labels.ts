/**
 * Label tests the recogniser needs beyond row and column matching: which printed texts open
 * a table header. Kept here so that every Chinese-matching pattern lives in src/text/.
 */

/** 表四's header: both 行政复议 and 行政诉讼, or the result labels without any digit. */
export function isReviewHeader(joinedNorm: string): boolean {
  if (joinedNorm.includes('行政复议') && joinedNorm.includes('行政诉讼')) return true;
  return /结果维持|维持/.test(joinedNorm) && /尚未审结|审结/.test(joinedNorm) && !/\d/.test(joinedNorm);
}

/** A cell that only 表三's header prints. */
export function isApplicationsHeaderCell(norm: string): boolean {
  // a header cell, not a sentence that happens to mention 申请人情况
  return norm.length <= 12 && (norm.includes('申请人情况') || norm.includes('法人或其他组织'));
}

/** The 法人或其他组织 group header, whose "其他" is not the 其他 column. */
export function isLegalPersonGroup(norm: string): boolean {
  return norm.includes('法人');
}

/** One of 表四's five leaf headers: 结果维持, 结果纠正, 其他结果, 尚未审结, 总计. */
export function isReviewLeafHeader(norm: string): boolean {
  return /^(?:结果维持|结果纠正|其他结果|尚未审结|总计|合计)$/.test(norm);
}
