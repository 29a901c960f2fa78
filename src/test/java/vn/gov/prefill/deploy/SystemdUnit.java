package vn.gov.prefill.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The [Service] section of a systemd unit, read the way systemd reads it (systemd.syntax(7),
 * systemd.service(5), systemd.exec(5)), for what deploy/systemd/prefill-gateway.service uses:
 * {@code \} continuations, {@code #}/{@code ;} comments, quoting in ExecStart= and Environment=,
 * {@code ${VAR}} and {@code $VAR} expansion in ExecStart=, EnvironmentFile= overriding Environment=,
 * SuccessExitStatus=. A command prefix ({@code -}, {@code @}, {@code +}…), several commands in one
 * ExecStart= and specifiers other than {@code %%} are refused rather than misread.
 */
public final class SystemdUnit {

    public static final Path GATEWAY = Path.of("deploy/systemd/prefill-gateway.service");
    /** The PATH systemd gives a system service. */
    static final String SERVICE_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin";

    private final Map<String, List<String>> service;

    private SystemdUnit(Map<String, List<String>> service) {
        this.service = service;
    }

    public static SystemdUnit read(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SystemdUnit parse(String text) {
        Map<String, List<String>> service = new LinkedHashMap<>();
        String section = "";
        StringBuilder continued = null;
        for (String raw : text.split("\n", -1)) {
            String line = raw.strip();
            if (line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (continued == null && line.isEmpty()) {
                continue;
            }
            if (line.endsWith("\\")) {
                continued = (continued == null ? new StringBuilder() : continued).append(line, 0, line.length() - 1).append(' ');
                continue;
            }
            if (continued != null) {
                line = continued.append(line).toString().strip();
                continued = null;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                section = line.substring(1, line.length() - 1);
            } else if ("Service".equals(section)) {
                int eq = line.indexOf('=');
                if (eq < 0) {
                    throw new IllegalArgumentException("not an assignment in [Service]: " + line);
                }
                String key = line.substring(0, eq).strip();
                String value = line.substring(eq + 1).strip();
                List<String> values = service.computeIfAbsent(key, k -> new ArrayList<>());
                if (value.isEmpty()) {
                    values.clear(); // an empty assignment resets a list setting
                } else {
                    values.add(value);
                }
            }
        }
        return new SystemdUnit(service);
    }

    /** The last value of a [Service] key, or null. */
    public String value(String key) {
        List<String> values = service.getOrDefault(key, List.of());
        return values.isEmpty() ? null : values.get(values.size() - 1);
    }

    public List<String> values(String key) {
        return List.copyOf(service.getOrDefault(key, List.of()));
    }

    /**
     * This unit with paths moved: every ExecStart= word, WorkingDirectory= and EnvironmentFile= that is
     * one of the paths, or ends in {@code =path}, names its replacement. Each path must occur.
     */
    public SystemdUnit relocated(Map<String, Path> moves) {
        Set<String> unused = new LinkedHashSet<>(moves.keySet());
        Map<String, List<String>> moved = new LinkedHashMap<>(service);
        for (String key : List.of("ExecStart", "WorkingDirectory", "EnvironmentFile")) {
            List<String> values = new ArrayList<>();
            for (String value : service.getOrDefault(key, List.of())) {
                List<String> words = new ArrayList<>();
                for (String word : "ExecStart".equals(key) ? words(value) : List.of(value)) {
                    words.add(move(word, moves, unused));
                }
                values.add("ExecStart".equals(key) ? quoted(words) : words.get(0));
            }
            moved.put(key, values);
        }
        if (!unused.isEmpty()) {
            throw new IllegalArgumentException("the unit does not name " + unused);
        }
        return new SystemdUnit(moved);
    }

    /** The command ExecStart= runs, its variables expanded from {@code environment} as systemd does. */
    public List<String> command(Map<String, String> environment) {
        List<String> commands = values("ExecStart");
        if (commands.size() != 1) {
            throw new IllegalArgumentException("one ExecStart= expected, found " + commands.size());
        }
        List<String> words = words(specifiers(commands.get(0)));
        if (words.isEmpty() || "-@:+!".indexOf(words.get(0).charAt(0)) >= 0 || words.contains(";")) {
            throw new IllegalArgumentException("a prefixed or compound ExecStart= is not supported: " + commands.get(0));
        }
        List<String> command = new ArrayList<>();
        for (String word : words) {
            if (word.startsWith("$") && !word.startsWith("${") && !word.startsWith("$$")) {
                String value = environment.getOrDefault(word.substring(1), "").strip();
                if (!value.isEmpty()) {
                    command.addAll(List.of(value.split("\\s+")));
                }
            } else {
                command.add(expand(word, environment));
            }
        }
        return command;
    }

    /**
     * The environment the service runs with: systemd's PATH, then Environment=, then each
     * EnvironmentFile= in order, the later overriding the earlier ({@code -path}: optional).
     */
    public Map<String, String> environment() {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("PATH", SERVICE_PATH);
        for (String value : values("Environment")) {
            for (String assignment : words(specifiers(value))) {
                int eq = assignment.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("Environment=: not an assignment: " + assignment);
                }
                environment.put(assignment.substring(0, eq), assignment.substring(eq + 1));
            }
        }
        for (String value : values("EnvironmentFile")) {
            boolean optional = value.startsWith("-");
            Path file = Path.of(optional ? value.substring(1) : value);
            if (!optional || Files.exists(file)) {
                environment.putAll(EnvironmentFile.read(file));
            }
        }
        return environment;
    }

    /** The exit codes systemd takes for a clean stop: 0 and the numbers of SuccessExitStatus=. */
    public Set<Integer> successExitStatuses() {
        Set<Integer> statuses = new LinkedHashSet<>(List.of(0));
        for (String value : values("SuccessExitStatus")) {
            for (String status : value.split("\\s+")) {
                if (status.matches("\\d+")) {
                    statuses.add(Integer.parseInt(status));
                }
            }
        }
        return statuses;
    }

    private static String move(String word, Map<String, Path> moves, Set<String> unused) {
        for (Map.Entry<String, Path> move : moves.entrySet()) {
            String from = move.getKey();
            if (word.equals(from) || word.endsWith("=" + from)) {
                unused.remove(from);
                return word.substring(0, word.length() - from.length()) + move.getValue().toAbsolutePath();
            }
        }
        return word;
    }

    /** Words split at unquoted whitespace; double and single quotes removed; C escapes resolved. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote == 0 && Character.isWhitespace(c)) {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
                continue;
            }
            word = word == null ? new StringBuilder() : word;
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(++i);
                word.append(switch (next) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    default -> next;
                });
            } else if (quote != 0 && c == quote) {
                quote = 0;
            } else if (quote == 0 && (c == '"' || c == '\'')) {
                quote = c;
            } else {
                word.append(c);
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("unbalanced quotes: " + text);
        }
        if (word != null) {
            words.add(word.toString());
        }
        return words;
    }

    private static String quoted(List<String> words) {
        StringBuilder line = new StringBuilder();
        for (String word : words) {
            line.append(line.isEmpty() ? "" : " ")
                    .append('"').append(word.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return line.toString();
    }

    /** {@code ${VAR}} replaced by its value (empty when unset), {@code $$} by {@code $}; anything else kept. */
    private static String expand(String word, Map<String, String> environment) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            int close = word.indexOf('}', i);
            if (c == '$' && word.startsWith("$$", i)) {
                out.append('$');
                i++;
            } else if (c == '$' && word.startsWith("${", i) && close > 0) {
                out.append(environment.getOrDefault(word.substring(i + 2, close), ""));
                i = close;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String specifiers(String value) {
        if (value.replace("%%", "").contains("%")) {
            throw new IllegalArgumentException("specifiers other than %% are not supported: " + value);
        }
        return value.replace("%%", "%");
    }
}
