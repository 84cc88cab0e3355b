package dev.ipv6boot.dns.peer;

import dev.ipv6boot.testkit.peer.Command;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs {@code dig} (BIND 9) and reads its output: status, header flags, answer section without TTLs. */
final class Dig {
    private static final Pattern STATUS = Pattern.compile("status: ([A-Z]+)");
    private static final Pattern FLAGS = Pattern.compile(";; flags: ([a-z ]*);");

    /** What dig printed, reduced to what tests compare. */
    record Answer(String status, Set<String> flags, List<String> answer, String output) {
    }

    private Dig() {
    }

    /** Asks {@code server} with dig's options and question words; TTLs are left out of the answer lines. */
    static Answer ask(InetSocketAddress server, String... args) {
        return run(List.of(), server, args);
    }

    /** The same, run inside a network namespace ({@code ip netns exec}). */
    static Answer askFrom(String namespace, InetSocketAddress server, String... args) {
        return run(List.of("ip", "netns", "exec", namespace), server, args);
    }

    private static Answer run(List<String> prefix, InetSocketAddress server, String... args) {
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of("dig", "@" + server.getAddress().getHostAddress(), "-p", Integer.toString(server.getPort()),
                "+nottlid", "+nocookie"));
        command.addAll(Arrays.asList(args));
        Command.Result result = Command.run(Duration.ofSeconds(30), command);
        String out = result.output();
        Matcher status = STATUS.matcher(out);
        Matcher flags = FLAGS.matcher(out);
        Set<String> flagSet = new TreeSet<>();
        if (flags.find()) {
            flagSet.addAll(Arrays.asList(flags.group(1).trim().split("\\s+")));
        }
        List<String> answer = new ArrayList<>();
        boolean inAnswer = false;
        for (String line : out.split("\n")) {
            if (line.startsWith(";; ANSWER SECTION:")) {
                inAnswer = true;
            } else if (inAnswer && line.isBlank()) {
                inAnswer = false;
            } else if (inAnswer) {
                answer.add(line.trim().replaceAll("\\s+", " "));
            }
        }
        answer.sort(null);
        return new Answer(status.find() ? status.group(1) : "NO ANSWER (exit " + result.exitCode() + ")", flagSet,
                answer, out);
    }
}
