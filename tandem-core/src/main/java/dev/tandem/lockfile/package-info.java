/**
 * Lockfiles as SBOM sources: one small reader per package manager's lockfile format (npm
 * package-lock.json v1–v3, yarn.lock v1 and Berry, pnpm-lock.yaml 5–9, Cargo.lock, go.mod with its
 * go.sum, poetry.lock, uv.lock, pip requirements files, composer.lock, Gemfile.lock, and the output of
 * {@code mvn dependency:list}), each producing a {@link dev.tandem.lockfile.Lockfile}: the packages with
 * package URLs in the ecosystem's canonical form, direct or transitive where the format says,
 * development and optional dependencies kept and marked, and the project itself as the subject where
 * the format names it. {@link dev.tandem.lockfile.Lockfiles} detects the format by file name, then by
 * content. Readers take {@link dev.tandem.input.InputDocument}s and read no files; bad input is an
 * {@link dev.tandem.input.InputException} naming the file and line.
 */
package dev.tandem.lockfile;
