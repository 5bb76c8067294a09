package dev.tandem.usecase.sbom;

import dev.tandem.input.InputException;
import dev.tandem.lockfile.LockedPackage;
import dev.tandem.lockfile.Lockfile;
import dev.tandem.lockfile.LockfileDocuments;
import dev.tandem.lockfile.Lockfiles;
import dev.tandem.sbom.ComponentScope;
import dev.tandem.sbom.DependencyKind;
import dev.tandem.sbom.Hash;
import dev.tandem.sbom.Subject;
import dev.tandem.usecase.TandemVersion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The SBOM of lockfiles ({@code tandem sbom from-lockfile}): each lockfile read (docs/formats/lockfiles.md),
 * its packages made components (one per package URL across every lockfile, with an occurrence per
 * lockfile line), its project made the product or a component, and the dependency edges kept. Bad input
 * is an {@link InputException} naming the file and line.
 */
public final class SbomFromLockfileUseCase {

    /** The bom-ref of a product named by the caller (no lockfile gives it a purl). */
    static final String PRODUCT_REF = "product";

    private final String toolVersion;

    /** Reporting this build of Tandem as the SBOM's tool. */
    public SbomFromLockfileUseCase() {
        this(TandemVersion.current());
    }

    /** Reporting {@code toolVersion} as the SBOM's tool. */
    public SbomFromLockfileUseCase(String toolVersion) {
        this.toolVersion = toolVersion;
    }

    public SbomFromLockfileResult run(SbomFromLockfileRequest request) throws InputException {
        List<Lockfile> lockfiles = new ArrayList<>();
        for (LockfileDocuments documents : Lockfiles.group(request.lockfiles())) {
            lockfiles.add(Lockfiles.read(documents));
        }
        List<String> warnings = new ArrayList<>();
        List<SbomFromLockfileResult.Source> sources = new ArrayList<>();
        for (Lockfile lockfile : lockfiles) {
            lockfile.warnings().forEach(w -> warnings.add(lockfile.source() + ": " + w));
            sources.add(new SbomFromLockfileResult.Source(lockfile.source(), lockfile.format().label(),
                    lockfile.formatVersion(), lockfile.packages().size()));
        }

        SbomFromLockfileResult.Entry product = product(request, lockfiles, warnings);
        Map<String, SbomFromLockfileResult.Entry> components = new LinkedHashMap<>();
        Map<String, Set<String>> edges = new LinkedHashMap<>();
        if (product != null && product.ref().equals(PRODUCT_REF)) {
            edges.put(PRODUCT_REF, new LinkedHashSet<>());
        }
        for (Lockfile lockfile : lockfiles) {
            SbomFromLockfileResult.Entry project = project(lockfile);
            if (project != null && (product == null || !product.ref().equals(project.ref()))) {
                components.merge(project.ref(), project, SbomFromLockfileUseCase::merge);
            }
            for (LockedPackage p : lockfile.packages()) {
                if (product != null && product.ref().equals(p.ref())) {
                    continue;
                }
                components.merge(p.ref(), entry(lockfile, p), SbomFromLockfileUseCase::merge);
            }
            lockfile.dependencies().forEach((from, to) -> edges.computeIfAbsent(from, k -> new LinkedHashSet<>()).addAll(to));
            if (product != null && product.ref().equals(PRODUCT_REF)) {
                // The named product depends on each lockfile's project, or on its direct dependencies when it names none.
                Set<String> roots = edges.computeIfAbsent(PRODUCT_REF, k -> new LinkedHashSet<>());
                if (project != null) {
                    roots.add(project.ref());
                } else {
                    lockfile.packages().stream().filter(p -> p.kind() == DependencyKind.DIRECT).map(LockedPackage::ref)
                            .forEach(roots::add);
                }
            }
        }
        Map<String, List<String>> dependencies = new LinkedHashMap<>();
        edges.forEach((from, to) -> {
            if (!known(from, product, components)) {
                return;
            }
            List<String> targets = to.stream().filter(ref -> !ref.equals(from) && known(ref, product, components)).toList();
            if (!targets.isEmpty()) {
                dependencies.put(from, targets);
            }
        });
        return new SbomFromLockfileResult(toolVersion, request.generatedAt(), product,
                new ArrayList<>(components.values()), dependencies, sources, warnings);
    }

    private static boolean known(String ref, SbomFromLockfileResult.Entry product,
            Map<String, SbomFromLockfileResult.Entry> components) {
        return (product != null && product.ref().equals(ref)) || components.containsKey(ref);
    }

    /** The product: the one named, else the project of the only lockfile (or the one project every lockfile names). */
    private static SbomFromLockfileResult.Entry product(SbomFromLockfileRequest request, List<Lockfile> lockfiles,
            List<String> warnings) {
        if (!request.productName().isEmpty()) {
            return new SbomFromLockfileResult.Entry(PRODUCT_REF, true, request.productName(), "", request.productVersion(),
                    "", ComponentScope.UNKNOWN, List.of(), DependencyKind.UNKNOWN, "", "", List.of(), List.of(), List.of());
        }
        Set<String> refs = new LinkedHashSet<>();
        SbomFromLockfileResult.Entry only = null;
        boolean unnamed = false;
        for (Lockfile lockfile : lockfiles) {
            SbomFromLockfileResult.Entry project = project(lockfile);
            if (project == null) {
                unnamed = true;
            } else {
                refs.add(project.ref());
                only = only == null ? project : merge(only, project);
            }
        }
        if (!unnamed && refs.size() == 1) {
            return only;
        }
        warnings.add(lockfiles.size() == 1
                ? lockfiles.get(0).source() + " does not name its project: the SBOM names no product (metadata.component);"
                        + " give --product NAME"
                : "the lockfiles name " + (refs.isEmpty() ? "no project" : refs.size() + " project" + (refs.size() == 1 ? "" : "s")
                        + (unnamed ? " and some none" : "")) + ": the SBOM names no product (metadata.component); give --product NAME");
        return null;
    }

    /** The project a lockfile names, as a component; null when it names none. */
    private static SbomFromLockfileResult.Entry project(Lockfile lockfile) {
        Subject subject = lockfile.subject();
        if (subject.name().isEmpty()) {
            return null;
        }
        String ref = !subject.bomRef().isEmpty() ? subject.bomRef() : !subject.purl().isEmpty() ? subject.purl()
                : "project:" + subject.name();
        return new SbomFromLockfileResult.Entry(ref, true, subject.name(), "", subject.version(), subject.purl(),
                ComponentScope.UNKNOWN, List.of(), DependencyKind.UNKNOWN, "", "", List.of(), List.of(),
                List.of(new SbomFromLockfileResult.Occurrence(lockfile.source(), 0)));
    }

    private static SbomFromLockfileResult.Entry entry(Lockfile lockfile, LockedPackage p) {
        return new SbomFromLockfileResult.Entry(p.ref(), false, p.name(), p.group(), p.version(), p.purl(), p.scope(),
                p.groups(), p.kind(), p.commit(), p.origin(), p.hashes(), p.licenses(),
                List.of(new SbomFromLockfileResult.Occurrence(lockfile.source(), p.line())));
    }

    /**
     * One component named by several lockfiles: needed at run time by any of them makes it needed; a
     * direct dependency of any is direct; the first non-empty fields stay; checksums, licences and
     * occurrences are joined.
     */
    static SbomFromLockfileResult.Entry merge(SbomFromLockfileResult.Entry a, SbomFromLockfileResult.Entry b) {
        ComponentScope scope = a.scope().ordinal() <= b.scope().ordinal() ? a.scope() : b.scope();
        DependencyKind kind = a.kind().ordinal() <= b.kind().ordinal() ? a.kind() : b.kind();
        // Groups as one lockfile merges them: a production occurrence (no group) makes it production.
        Set<String> groups = new TreeSet<>(a.groups());
        groups.addAll(b.groups());
        if (a.groups().isEmpty() || b.groups().isEmpty()) {
            groups.clear();
        }
        Set<Hash> hashes = new LinkedHashSet<>(a.hashes());
        hashes.addAll(b.hashes());
        Set<String> licenses = new LinkedHashSet<>(a.licenses());
        licenses.addAll(b.licenses());
        Set<SbomFromLockfileResult.Occurrence> occurrences = new LinkedHashSet<>(a.occurrences());
        occurrences.addAll(b.occurrences());
        return new SbomFromLockfileResult.Entry(a.ref(), a.project() || b.project(), a.name(), a.group(),
                a.version().isEmpty() ? b.version() : a.version(), a.purl().isEmpty() ? b.purl() : a.purl(), scope,
                List.copyOf(groups), kind, a.commit().isEmpty() ? b.commit() : a.commit(),
                a.origin().isEmpty() ? b.origin() : a.origin(), List.copyOf(hashes), List.copyOf(licenses),
                List.copyOf(occurrences));
    }
}
