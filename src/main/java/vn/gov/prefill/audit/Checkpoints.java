package vn.gov.prefill.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The checkpoint directory ({@code gateway.audit.checkpoint.directory}): one file per checkpoint,
 * {@code <node>-<seq>.jws}, so that each node writes its own sequence and no two nodes write one file.
 * On a directory every node mounts (or one copied there from each node), the verifier reads them all.
 */
final class Checkpoints {

    /** What the directory holds: the checkpoints signed with the key, and the files that are not. */
    record Read(List<Checkpoint> checkpoints, List<String> unsigned) { }

    private final Path directory;
    private final CheckpointKey key;

    Checkpoints(Path directory, CheckpointKey key) {
        this.directory = directory;
        this.key = key;
    }

    Path directory() {
        return directory;
    }

    /** Writes a checkpoint (atomically: a reader never sees half of one); returns its file. */
    Path write(Checkpoint checkpoint) {
        try {
            Files.createDirectories(directory);
            Path file = directory.resolve(String.format(Locale.ROOT, "%s-%020d.jws", checkpoint.node(), checkpoint.seq()));
            Path partial = directory.resolve("." + file.getFileName() + ".partial");
            Files.writeString(partial, key.sign(checkpoint) + "\n", StandardCharsets.US_ASCII);
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every checkpoint in the directory, in seq order (then by time), and the files that fail their signature. */
    Read read() {
        return verified(files().stream().sorted().toList());
    }

    /**
     * Each node's newest checkpoint file, by name ({@code <node>-<seq>.jws}: the seq is zero-padded, so
     * the last name of a node is its highest seq), its signature checked; only those files are read, so
     * the cost follows the number of nodes, not of checkpoints. A newest file that fails its signature is
     * returned among the unsigned.
     */
    Read latest() {
        Map<String, Path> newest = new TreeMap<>();
        for (Path file : files()) {
            String name = file.getFileName().toString();
            if (name.matches(".+-\\d{20}\\.jws")) {
                newest.merge(name.substring(0, name.length() - ".jws".length() - 21), file,
                        (a, b) -> a.getFileName().compareTo(b.getFileName()) >= 0 ? a : b);
            }
        }
        return verified(List.copyOf(newest.values()));
    }

    /** The {@code .jws} files of the directory (none when it does not exist yet). */
    private List<Path> files() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jws")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** These files' checkpoints, their signatures checked, in seq order (then by time), and those that fail. */
    private Read verified(List<Path> files) {
        List<Checkpoint> checkpoints = new ArrayList<>();
        List<String> unsigned = new ArrayList<>();
        try {
            for (Path file : files) {
                String name = file.getFileName().toString();
                Checkpoint checkpoint = key.verify(Files.readString(file, StandardCharsets.US_ASCII), name);
                if (checkpoint == null) {
                    unsigned.add(name);
                } else {
                    checkpoints.add(checkpoint);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        checkpoints.sort(Comparator.comparingLong(Checkpoint::seq).thenComparing(Checkpoint::at));
        return new Read(checkpoints, unsigned);
    }

    /** This node's latest checkpoint, or null. */
    Checkpoint latestOf(String node) {
        return latest().checkpoints().stream().filter(c -> c.node().equals(node))
                .max(Comparator.comparingLong(Checkpoint::seq)).orElse(null);
    }

    static Checkpoint of(String node, ChainHead head) {
        return new Checkpoint(node, head.seq(), head.hash(), Instant.now(), null);
    }
}
