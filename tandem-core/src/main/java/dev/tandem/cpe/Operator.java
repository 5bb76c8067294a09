package dev.tandem.cpe;

/** How a node of an applicability configuration combines its children. */
public enum Operator {
    /** At least one child must hold. */
    OR,
    /** Every child must hold: a vulnerable product together with the platform it runs on. */
    AND
}
