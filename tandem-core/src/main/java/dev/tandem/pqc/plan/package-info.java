/**
 * From classified assets to a dated migration plan: the replacement per use, the milestones that
 * apply in each chosen market and sector, the deadline (the earliest of them), the plan ordered by
 * deadline, and a readiness figure per product.
 */
package dev.tandem.pqc.plan;
