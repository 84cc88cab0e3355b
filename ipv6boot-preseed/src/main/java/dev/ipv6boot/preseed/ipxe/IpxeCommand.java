package dev.ipv6boot.preseed.ipxe;

import dev.ipv6boot.preseed.validation.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One iPXE command, typed for the commands provisioning scripts use and {@link Other} for the rest of
 * iPXE's command set. {@link #words()} is the command as iPXE splits it: iPXE has no quoting, it splits on
 * white space, so no word may contain white space (an argument with a space cannot be written at all).
 */
public sealed interface IpxeCommand {

    /** The words of the command, its name first, as they appear on the line. */
    List<String> words();

    /** The command as one line of a script. */
    default String render() {
        return String.join(" ", words());
    }

    /** {@code kernel [--name n] <uri> [args...]}: download and select a kernel, with its command line. */
    record Kernel(String uri, List<String> arguments, Optional<String> imageName) implements IpxeCommand {
        public Kernel {
            checkWord("kernel", uri);
            arguments = checkWords("kernel", arguments);
            imageName.ifPresent(n -> checkWord("kernel", n));
        }

        public static Kernel of(String uri, List<String> arguments) {
            return new Kernel(uri, arguments, Optional.empty());
        }

        @Override
        public List<String> words() {
            List<String> w = new ArrayList<>();
            w.add("kernel");
            imageName.ifPresent(n -> {
                w.add("--name");
                w.add(n);
            });
            w.add(uri);
            w.addAll(arguments);
            return w;
        }
    }

    /** {@code initrd [--name n] <uri>}: download an initial RAM disk for the selected kernel. */
    record Initrd(String uri, Optional<String> imageName) implements IpxeCommand {
        public Initrd {
            checkWord("initrd", uri);
            imageName.ifPresent(n -> checkWord("initrd", n));
        }

        public static Initrd of(String uri) {
            return new Initrd(uri, Optional.empty());
        }

        @Override
        public List<String> words() {
            List<String> w = new ArrayList<>();
            w.add("initrd");
            imageName.ifPresent(n -> {
                w.add("--name");
                w.add(n);
            });
            w.add(uri);
            return w;
        }
    }

    /** {@code boot}: boot the selected image. */
    record Boot() implements IpxeCommand {
        @Override
        public List<String> words() {
            return List.of("boot");
        }
    }

    /**
     * {@code chain [--autofree] [--replace] <uri> [args...]}: download and run another image or script;
     * {@code replace} ends this script instead of returning to it.
     */
    record Chain(String uri, List<String> arguments, boolean autofree, boolean replace) implements IpxeCommand {
        public Chain {
            checkWord("chain", uri);
            arguments = checkWords("chain", arguments);
        }

        public static Chain of(String uri) {
            return new Chain(uri, List.of(), false, false);
        }

        @Override
        public List<String> words() {
            List<String> w = new ArrayList<>();
            w.add("chain");
            if (autofree) {
                w.add("--autofree");
            }
            if (replace) {
                w.add("--replace");
            }
            w.add(uri);
            w.addAll(arguments);
            return w;
        }
    }

    /**
     * {@code set <setting> [value]}; a setting may carry a type ({@code attempts:int32}). An empty value
     * is written as {@code set name} with nothing after it, which iPXE reads as the empty string.
     */
    record Set(String setting, String value) implements IpxeCommand {
        public Set {
            checkWord("set", setting);
            Objects.requireNonNull(value, "value");
            if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
                throw InvalidInputException.of("iPXE script", "bad-argument", "set", "a value cannot hold a line break");
            }
        }

        @Override
        public List<String> words() {
            return value.isEmpty() ? List.of("set", setting) : List.of("set", setting, value);
        }
    }

    /** {@code echo [-n] text}: print to the console (the text may hold spaces: iPXE joins echo's words). */
    record Echo(String text) implements IpxeCommand {
        public Echo {
            Objects.requireNonNull(text, "text");
            if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
                throw InvalidInputException.of("iPXE script", "bad-argument", "echo", "text cannot hold a line break");
            }
        }

        @Override
        public List<String> words() {
            List<String> w = new ArrayList<>();
            w.add("echo");
            for (String word : text.trim().split("\\s+")) {
                if (!word.isEmpty()) {
                    w.add(word);
                }
            }
            return w;
        }
    }

    /** {@code goto <label>}. */
    record Goto(String label) implements IpxeCommand {
        public Goto {
            checkWord("goto", label);
        }

        @Override
        public List<String> words() {
            return List.of("goto", label);
        }
    }

    /** {@code isset <value>}: succeeds when the (expanded) value is not empty. */
    record IsSet(String value) implements IpxeCommand {
        public IsSet {
            checkWord("isset", value);
        }

        @Override
        public List<String> words() {
            return List.of("isset", value);
        }
    }

    /** {@code iseq <a> <b>}: succeeds when both (expanded) values are equal. */
    record IsEq(String left, String right) implements IpxeCommand {
        public IsEq {
            checkWord("iseq", left);
            checkWord("iseq", right);
        }

        @Override
        public List<String> words() {
            return List.of("iseq", left, right);
        }
    }

    /** {@code sleep <seconds>}. */
    record Sleep(int seconds) implements IpxeCommand {
        public Sleep {
            if (seconds < 0) {
                throw InvalidInputException.of("iPXE script", "bad-argument", "sleep", "negative seconds: " + seconds);
            }
        }

        @Override
        public List<String> words() {
            return List.of("sleep", Integer.toString(seconds));
        }
    }

    /** {@code inc <setting>}: add one to a numeric setting (an unset one counts as 0). */
    record Inc(String setting) implements IpxeCommand {
        public Inc {
            checkWord("inc", setting);
        }

        @Override
        public List<String> words() {
            return List.of("inc", setting);
        }
    }

    /**
     * Any other iPXE command ({@code dhcp}, {@code ifconf}, {@code exit}, {@code reboot}, {@code imgfree}…),
     * as its name and words. Building one checks the name and options against iPXE's command reference.
     */
    record Other(String name, List<String> arguments) implements IpxeCommand {
        public Other {
            checkWord("command", name);
            arguments = checkWords(name, arguments);
        }

        public static Other of(String name, String... arguments) {
            Other other = new Other(name, List.of(arguments));
            var problems = IpxeScriptParser.checkCommand(other.words(), "iPXE script", 0);
            if (!problems.isEmpty()) {
                throw new InvalidInputException(dev.ipv6boot.preseed.validation.Validation.of(problems));
            }
            return other;
        }

        @Override
        public List<String> words() {
            List<String> w = new ArrayList<>();
            w.add(name);
            w.addAll(arguments);
            return w;
        }
    }

    private static void checkWord(String command, String word) {
        Objects.requireNonNull(word, command);
        if (word.isEmpty() || word.chars().anyMatch(Character::isWhitespace)) {
            throw InvalidInputException.of("iPXE script", "bad-argument", command,
                    "'" + word + "' is empty or holds white space; iPXE splits words on white space and has no quoting");
        }
        if (word.equals("&&") || word.equals("||")) {
            throw InvalidInputException.of("iPXE script", "bad-argument", command,
                    "'" + word + "' is an operator, not an argument");
        }
    }

    private static List<String> checkWords(String command, List<String> words) {
        for (String w : words) {
            checkWord(command, w);
        }
        return List.copyOf(words);
    }
}
