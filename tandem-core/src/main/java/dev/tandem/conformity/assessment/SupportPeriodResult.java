package dev.tandem.conformity.assessment;

import java.time.LocalDate;

/**
 * The support period against Art. 13(8): its length in whole months from placing on the market, and
 * whether it reaches the five-year floor (or a documented shorter expected use time).
 */
public record SupportPeriodResult(LocalDate placedOnMarket, LocalDate end, Long months, boolean compliant,
        String finding, String source) {
}
