package dev.ipv6boot.preseed.ipxe;

import dev.ipv6boot.preseed.net.BootUrl;
import dev.ipv6boot.preseed.net.IpxeExpansion;
import dev.ipv6boot.preseed.validation.InvalidInputException;
import dev.ipv6boot.preseed.validation.Problem;
import dev.ipv6boot.preseed.validation.Validation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads an iPXE script line by line the way iPXE does (split on white space, {@code &&} and {@code ||} as
 * separate words, {@code :label} and {@code #} comment lines) and reports every line that iPXE would reject
 * or run differently than written. Never throws on bad input: each bad line becomes a {@link Problem} and an
 * {@link IpxeCommand.Other} in the model.
 */
final class IpxeScriptParser {
    private static final Set<String> SETTING_TYPES = Set.of("ipv4", "ipv6", "int8", "int16", "int32", "uint8",
            "uint16", "uint32", "hex", "hexhyp", "hexraw", "string", "uristring", "uuid", "guid", "busdevfn",
            "dnssl", "base64");

    private IpxeScriptParser() {
    }

    static IpxeScript.Parsed parse(String text, String source) {
        List<Problem> problems = new ArrayList<>();
        List<IpxeLine> lines = new ArrayList<>();
        String[] raw = text.split("\n", -1);
        int count = raw.length;
        if (count > 0 && raw[count - 1].isEmpty()) {
            count--; // the final line break ends the last line, it does not start another
        }
        if (count == 0) {
            problems.add(Problem.error(source, 1, "missing-magic", "#!ipxe",
                    "empty file; an iPXE script starts with the line #!ipxe"));
            return new IpxeScript.Parsed(new IpxeScript(lines), Validation.of(problems));
        }
        Map<String, Integer> labels = new HashMap<>();
        List<int[]> gotos = new ArrayList<>(); // [line, index into gotoTargets]
        List<String> gotoTargets = new ArrayList<>();
        List<Located> located = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int lineNo = i + 1;
            String line = raw[i].endsWith("\r") ? raw[i].substring(0, raw[i].length() - 1) : raw[i];
            if (i == 0) {
                String magic = line.strip();
                if (magic.equals("#!ipxe")) {
                    continue;
                }
                if (magic.equals("#!gpxe")) {
                    problems.add(Problem.warning(source, lineNo, "legacy-magic", "#!gpxe",
                            "gPXE magic line; write #!ipxe"));
                    continue;
                }
                problems.add(Problem.error(source, lineNo, "missing-magic", "#!ipxe",
                        "the first line must be #!ipxe, or iPXE does not recognise the file as a script"));
            }
            String stripped = line.strip();
            if (stripped.isEmpty()) {
                lines.add(new IpxeLine.Blank());
                continue;
            }
            if (stripped.startsWith("#")) {
                String body = stripped.substring(1);
                lines.add(new IpxeLine.Comment(body.startsWith(" ") ? body.substring(1) : body));
                continue;
            }
            if (stripped.startsWith(":")) {
                String name = stripped.substring(1);
                if (!IpxeLine.isLabelName(name)) {
                    problems.add(Problem.error(source, lineNo, "bad-label", stripped,
                            "a label is ':' and one word of letters, digits, '_', '-' or '.'"));
                    lines.add(new IpxeLine.Comment("invalid label " + stripped));
                    continue;
                }
                Integer first = labels.putIfAbsent(name, lineNo);
                if (first != null) {
                    problems.add(Problem.warning(source, lineNo, "duplicate-label", stripped,
                            "label already defined on line " + first + "; goto always jumps to the first one"));
                }
                lines.add(new IpxeLine.Label(name));
                continue;
            }
            IpxeLine.Statement statement = statement(stripped.split("\\s+"), source, lineNo, problems);
            if (statement != null) {
                lines.add(statement);
                located.add(new Located(statement, lineNo));
                for (IpxeCommand c : statement.commands()) {
                    if (c instanceof IpxeCommand.Goto g && !g.label().contains("${")) {
                        gotos.add(new int[] {lineNo, gotoTargets.size()});
                        gotoTargets.add(g.label());
                    }
                }
            }
        }
        for (int[] g : gotos) {
            String target = gotoTargets.get(g[1]);
            if (!labels.containsKey(target)) {
                problems.add(Problem.error(source, g[0], "unknown-label", "goto " + target,
                        "no label :" + target + " in this script; goto would fail and end the script"));
            }
        }
        checkBootLines(located, source, problems);
        return new IpxeScript.Parsed(new IpxeScript(lines), Validation.of(problems));
    }

    private record Located(IpxeLine.Statement statement, int line) {
    }

    private static IpxeLine.Statement statement(String[] words, String source, int line, List<Problem> problems) {
        List<IpxeCommand> commands = new ArrayList<>();
        List<IpxeLine.Operator> operators = new ArrayList<>();
        List<String> current = new ArrayList<>();
        boolean bad = false;
        for (String w : words) {
            if (w.equals("&&") || w.equals("||")) {
                if (current.isEmpty()) {
                    problems.add(Problem.error(source, line, "bad-operator", w,
                            "operator with no command before it"));
                    bad = true;
                    continue;
                }
                commands.add(command(current, source, line, problems));
                operators.add(w.equals("&&") ? IpxeLine.Operator.AND : IpxeLine.Operator.OR);
                current = new ArrayList<>();
            } else {
                current.add(w);
            }
        }
        if (!current.isEmpty()) {
            commands.add(command(current, source, line, problems));
        } else if (!operators.isEmpty() && operators.get(operators.size() - 1) == IpxeLine.Operator.AND) {
            problems.add(Problem.error(source, line, "bad-operator", "&&",
                    "a line cannot end with &&; end it with || to carry on after a failure"));
            operators.remove(operators.size() - 1);
        }
        if (commands.isEmpty()) {
            return null;
        }
        if (bad && operators.size() > commands.size()) {
            operators = operators.subList(0, commands.size());
        }
        try {
            return new IpxeLine.Statement(commands, operators);
        } catch (InvalidInputException e) {
            problems.addAll(e.validation().problems().stream().map(p -> Problem.error(source, line, p.code(),
                    p.subject(), p.message())).toList());
            return IpxeLine.Statement.of(commands.get(0));
        }
    }

    /** Checks one command and turns it into the typed model; bad commands become {@link IpxeCommand.Other}. */
    private static IpxeCommand command(List<String> words, String source, int line, List<Problem> problems) {
        List<Problem> found = checkCommand(words, source, line);
        problems.addAll(found);
        boolean errors = found.stream().anyMatch(p -> p.severity() == dev.ipv6boot.preseed.validation.Severity.ERROR);
        String name = words.get(0);
        List<String> args = words.subList(1, words.size());
        if (!errors) {
            try {
                Optional<IpxeCommand> typed = typed(name, args);
                if (typed.isPresent()) {
                    return typed.get();
                }
            } catch (InvalidInputException | NumberFormatException e) {
                // e.g. "sleep ${delay}" or a number too large for the model: the words are kept as written
            }
        }
        return new IpxeCommand.Other(name, args);
    }

    private static Optional<IpxeCommand> typed(String name, List<String> args) {
        switch (name) {
            case "kernel": {
                Optional<String> imageName = Optional.empty();
                int i = 0;
                if (args.size() >= 2 && args.get(0).equals("--name")) {
                    imageName = Optional.of(args.get(1));
                    i = 2;
                }
                if (i < args.size() && !args.get(i).startsWith("-")) {
                    return Optional.of(new IpxeCommand.Kernel(args.get(i), args.subList(i + 1, args.size()), imageName));
                }
                return Optional.empty();
            }
            case "initrd": {
                if (args.size() == 1 && !args.get(0).startsWith("-")) {
                    return Optional.of(IpxeCommand.Initrd.of(args.get(0)));
                }
                if (args.size() == 3 && args.get(0).equals("--name")) {
                    return Optional.of(new IpxeCommand.Initrd(args.get(2), Optional.of(args.get(1))));
                }
                return Optional.empty();
            }
            case "boot":
                return args.isEmpty() ? Optional.of(new IpxeCommand.Boot()) : Optional.empty();
            case "chain": {
                boolean autofree = false;
                boolean replace = false;
                int i = 0;
                while (i < args.size() && (args.get(i).equals("--autofree") || args.get(i).equals("--replace"))) {
                    autofree |= args.get(i).equals("--autofree");
                    replace |= args.get(i).equals("--replace");
                    i++;
                }
                if (i < args.size() && !args.get(i).startsWith("-")) {
                    return Optional.of(new IpxeCommand.Chain(args.get(i), args.subList(i + 1, args.size()),
                            autofree, replace));
                }
                return Optional.empty();
            }
            case "set":
                return Optional.of(new IpxeCommand.Set(args.get(0), String.join(" ", args.subList(1, args.size()))));
            case "echo":
                return args.isEmpty() || args.get(0).equals("-n") ? Optional.empty()
                        : Optional.of(new IpxeCommand.Echo(String.join(" ", args)));
            case "goto":
                return Optional.of(new IpxeCommand.Goto(args.get(0)));
            case "isset":
                return args.size() == 1 ? Optional.of(new IpxeCommand.IsSet(args.get(0))) : Optional.empty();
            case "iseq":
                return args.size() == 2 ? Optional.of(new IpxeCommand.IsEq(args.get(0), args.get(1))) : Optional.empty();
            case "sleep":
                return Optional.of(new IpxeCommand.Sleep(Integer.parseInt(args.get(0))));
            case "inc":
                return args.size() == 1 ? Optional.of(new IpxeCommand.Inc(args.get(0))) : Optional.empty();
            default:
                return Optional.empty();
        }
    }

    /** The problems of one command, given as the words iPXE would split it into (its name first). */
    static List<Problem> checkCommand(List<String> words, String source, int line) {
        List<Problem> problems = new ArrayList<>();
        String name = words.get(0);
        for (String w : words) {
            checkExpansions(w, name, source, line, problems);
        }
        if (name.contains("${")) {
            return problems; // a computed command name cannot be checked before iPXE expands it
        }
        Optional<CommandSyntax> found = CommandSyntax.of(name);
        if (found.isEmpty()) {
            String hint = CommandSyntax.closest(name).map(c -> "; did you mean '" + c + "'?").orElse("");
            problems.add(Problem.error(source, line, "unknown-command", name,
                    "not an iPXE command" + hint));
            return problems;
        }
        CommandSyntax syntax = found.get();
        int i = 1;
        while (i < words.size() && words.get(i).startsWith("-") && words.get(i).length() > 1) {
            String w = words.get(i);
            CommandSyntax.Option option;
            String inlineValue = null;
            if (w.startsWith("--")) {
                String body = w.substring(2);
                int eq = body.indexOf('=');
                if (eq >= 0) {
                    inlineValue = body.substring(eq + 1);
                    body = body.substring(0, eq);
                }
                option = syntax.longOptions().get(body);
            } else {
                option = w.length() == 2 ? syntax.shortOptions().get(w.charAt(1)) : null;
            }
            if (option == null) {
                problems.add(Problem.error(source, line, "unknown-option", name + " " + w,
                        name + " has no option " + w + optionsHint(syntax)));
                i++;
                continue;
            }
            if (option.takesArgument() && inlineValue == null) {
                if (i + 1 >= words.size()) {
                    problems.add(Problem.error(source, line, "missing-option-argument", name + " " + w,
                            "--" + option.longName() + " needs a value"));
                    return problems;
                }
                inlineValue = words.get(i + 1);
                i++;
            }
            if (option.longName().equals("timeout") && inlineValue != null && !isNumberOrExpansion(inlineValue)) {
                problems.add(Problem.error(source, line, "bad-argument", name + " --timeout",
                        "timeout '" + inlineValue + "' is not a number (milliseconds)"));
            }
            i++;
        }
        int positional = words.size() - i;
        if (positional < syntax.minArguments()) {
            problems.add(Problem.error(source, line, "missing-argument", name,
                    name + " needs at least " + syntax.minArguments() + " argument"
                            + (syntax.minArguments() == 1 ? "" : "s")));
        } else if (positional > syntax.maxArguments()) {
            problems.add(Problem.error(source, line, "extra-argument", name,
                    name + " takes at most " + syntax.maxArguments() + " argument"
                            + (syntax.maxArguments() == 1 ? "" : "s") + ", got " + positional));
        } else {
            checkArguments(name, words.subList(i, words.size()), source, line, problems);
        }
        return problems;
    }

    private static String optionsHint(CommandSyntax syntax) {
        if (syntax.longOptions().isEmpty()) {
            return " (it takes none)";
        }
        return " (it takes " + String.join(", ", syntax.longOptions().keySet().stream().sorted()
                .map(o -> "--" + o).toList()) + ")";
    }

    private static void checkArguments(String name, List<String> args, String source, int line,
                                       List<Problem> problems) {
        switch (name) {
            case "sleep" -> {
                if (!isNumberOrExpansion(args.get(0))) {
                    problems.add(Problem.error(source, line, "bad-argument", "sleep " + args.get(0),
                            "sleep takes a whole number of seconds"));
                }
            }
            case "set", "clear", "show", "read", "inc", "isset" -> {
                if (!args.isEmpty() && !name.equals("isset")) {
                    checkSettingName(name, args.get(0), source, line, problems);
                }
            }
            case "goto" -> {
                if (args.get(0).startsWith(":")) {
                    problems.add(Problem.error(source, line, "bad-label", "goto " + args.get(0),
                            "write the label without its colon: goto " + args.get(0).substring(1)));
                }
            }
            case "kernel", "imgselect", "imgload", "imgfetch", "module", "initrd", "chain", "imgexec", "boot" -> {
                if (!args.isEmpty()) {
                    checkUri(name, args.get(0), source, line, problems);
                    for (String a : args.subList(1, args.size())) {
                        for (String url : BootUrl.findUrls(a)) {
                            checkUri(name, url, source, line, problems);
                        }
                    }
                }
            }
            default -> {
            }
        }
    }

    private static void checkUri(String name, String uri, String source, int line, List<Problem> problems) {
        if (!uri.contains("://") || uri.contains("${")) {
            return; // relative to the script's own URL, or computed by iPXE
        }
        try {
            BootUrl.parse(uri);
        } catch (InvalidInputException e) {
            for (Problem p : e.validation().problems()) {
                problems.add(Problem.error(source, line, p.code(), name + " " + uri, p.message()));
            }
        }
    }

    private static void checkSettingName(String name, String setting, String source, int line, List<Problem> problems) {
        if (setting.contains("${")) {
            return;
        }
        if (!isSettingReference(setting)) {
            problems.add(Problem.error(source, line, "bad-setting", name + " " + setting,
                    "'" + setting + "' is not a setting name ([scope/]name[:type])"));
        }
    }

    private static boolean isNumberOrExpansion(String s) {
        return s.startsWith("${") || !s.isEmpty() && s.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** {@code [scope/]name[:type]} with a known type; the scope may hold several levels ({@code net0.dhcp/}). */
    private static boolean isSettingReference(String s) {
        int colon = s.lastIndexOf(':');
        String name = colon < 0 ? s : s.substring(0, colon);
        if (colon >= 0 && !SETTING_TYPES.contains(s.substring(colon + 1))) {
            return false;
        }
        if (name.isEmpty() || name.startsWith("/") || name.endsWith("/")) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(Character.isLetterOrDigit(c) && c < 128 || c == '-' || c == '_' || c == '.' || c == '/')) {
                return false;
            }
        }
        return true;
    }

    /** Every {@code ${…}} in {@code word} must close and name a setting with a known type. */
    private static void checkExpansions(String word, String command, String source, int line, List<Problem> problems) {
        int i = word.indexOf("${");
        while (i >= 0) {
            int end = IpxeExpansion.end(word, i);
            if (end < 0) {
                problems.add(Problem.error(source, line, "unclosed-expansion", command + " " + word,
                        "'${' is never closed with '}'"));
                return;
            }
            String inner = word.substring(i + 2, end - 1);
            // a nested expansion is computed at run time; check the outer shape with a placeholder
            String shape = inner;
            int n = shape.indexOf("${");
            while (n >= 0) {
                int e = IpxeExpansion.end(shape, n);
                shape = shape.substring(0, n) + "x" + shape.substring(e);
                n = shape.indexOf("${");
            }
            if (!isSettingReference(shape)) {
                int colon = shape.lastIndexOf(':');
                String why = colon >= 0 && !SETTING_TYPES.contains(shape.substring(colon + 1))
                        ? "unknown setting type '" + shape.substring(colon + 1) + "' (iPXE knows "
                        + String.join(", ", SETTING_TYPES.stream().sorted().toList()) + ")"
                        : "'" + inner + "' is not a setting name";
                problems.add(Problem.error(source, line, "bad-expansion", command + " ${" + inner + "}", why));
            } else {
                int nested = inner.indexOf("${");
                if (nested >= 0) {
                    checkExpansions(inner, command, source, line, problems);
                }
            }
            i = word.indexOf("${", end);
        }
    }

    /**
     * Checks across lines of a boot: the kernel's command line must name the initrd ({@code initrd=name})
     * because under UEFI iPXE boots the kernel through its EFI stub, and kernels before Linux 5.8 find their
     * initrd only by that name (later ones also through the LoadFile2 protocol iPXE offers since 1.21).
     */
    private static void checkBootLines(List<Located> statements, String source, List<Problem> problems) {
        Located kernelAt = null;
        IpxeCommand.Kernel kernel = null;
        for (Located l : statements) {
            for (IpxeCommand c : l.statement().commands()) {
                if (c instanceof IpxeCommand.Kernel k) {
                    kernel = k;
                    kernelAt = l;
                } else if (c instanceof IpxeCommand.Initrd initrd && kernel != null) {
                    String imageName = initrd.imageName().orElseGet(() -> lastSegment(initrd.uri()));
                    boolean named = kernel.arguments().stream().anyMatch(a -> a.equals("initrd=" + imageName));
                    if (!named) {
                        problems.add(Problem.warning(source, kernelAt.line(), "uefi-initrd-name", "kernel",
                                "the kernel command line lacks initrd=" + imageName + "; under UEFI, kernels "
                                        + "before Linux 5.8 find the initrd only by that name and fail to mount root"));
                    }
                }
            }
        }
    }

    static String lastSegment(String uri) {
        String path = uri;
        int q = path.indexOf('?');
        if (q >= 0) {
            path = path.substring(0, q);
        }
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }
}
