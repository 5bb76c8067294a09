/**
 * How an AI inventory (the models and datasets of an ML-BOM) is written, the same way in every output
 * that lists one: scans and assessments.
 */
package dev.tandem.render.ai;
