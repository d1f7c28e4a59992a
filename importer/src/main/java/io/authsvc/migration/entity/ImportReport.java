package io.authsvc.migration.entity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** What an import did: each skipped record with its reason, then the counts. Batches count once committed. */
public class ImportReport {

    private final boolean dryRun;
    private long read;
    private long imported;
    private long alreadyImported;
    private final List<Skipped> skipped = new ArrayList<>();

    public ImportReport(boolean dryRun) {
        this.dryRun = dryRun;
    }

    public void countRead() {
        read++;
    }

    public void add(long importedNow, long alreadyImportedNow, List<Skipped> skippedNow) {
        imported += importedNow;
        alreadyImported += alreadyImportedNow;
        skipped.addAll(skippedNow);
    }

    public long read() {
        return read;
    }

    public long imported() {
        return imported;
    }

    public long alreadyImported() {
        return alreadyImported;
    }

    public int skippedCount() {
        return skipped.size();
    }

    public List<Skipped> skipped() {
        return skipped.stream().sorted(Comparator.comparingInt(Skipped::record)).toList();
    }

    public Map<Reason, Long> skippedByReason() {
        Map<Reason, Long> counts = new EnumMap<>(Reason.class);
        for (Reason reason : Reason.values()) {
            counts.put(reason, 0L);
        }
        skipped.forEach(skip -> counts.merge(skip.reason(), 1L, Long::sum));
        return counts;
    }

    /** The report as printed: skipped records in file order, then every count, zeros included, so runs compare. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        skipped().forEach(skip -> lines.add(skip.line()));
        if (dryRun) {
            lines.add("dry run: nothing was written");
        }
        lines.add(count("read", read));
        lines.add(count(dryRun ? "would import" : "imported", imported));
        lines.add(count("already imported", alreadyImported));
        lines.add(count("skipped", skipped.size()));
        skippedByReason().forEach((reason, count) -> lines.add(count("  " + reason.label(), count)));
        return lines;
    }

    private static String count(String label, long count) {
        return String.format("%-26s %8d", label + ":", count);
    }
}
