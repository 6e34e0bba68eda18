package org.doudi.funds;

/**
 * A CPI figure entered (funds_cpi_figure) and what it started (价格临时补贴: the subsidy written to
 * funds_price_subsidy, its payments recorded by the ledger), published in the entering transaction; the audit trail
 * records who entered which figure and the outcome.
 *
 * @param subject table and key, {@code funds_cpi_figure <id>}
 */
public record CpiFigureEntered(String actor, String regionCode, String subject, PriceSubsidies.CpiFigure figure,
    PriceSubsidies.Outcome after) {}
