package dev.ipv6boot.preseed.ipxe;

import dev.ipv6boot.preseed.validation.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** One line of an iPXE script after the {@code #!ipxe} magic line. */
public sealed interface IpxeLine {

    /** The line as text, without the line break. */
    String render();

    /** {@code :name}, a target for {@code goto}. */
    record Label(String name) implements IpxeLine {
        public Label {
            if (!isLabelName(name)) {
                throw InvalidInputException.of("iPXE script", "bad-label", String.valueOf(name),
                        "a label is one or more letters, digits, '_', '-' or '.'");
            }
        }

        @Override
        public String render() {
            return ":" + name;
        }
    }

    /** {@code # text}: a comment, kept so that a generated script can explain itself. */
    record Comment(String text) implements IpxeLine {
        public Comment {
            Objects.requireNonNull(text, "text");
            if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
                throw InvalidInputException.of("iPXE script", "bad-comment", text, "a comment is one line");
            }
        }

        @Override
        public String render() {
            return text.isEmpty() ? "#" : "# " + text;
        }
    }

    /** An empty line. */
    record Blank() implements IpxeLine {
        @Override
        public String render() {
            return "";
        }
    }

    /**
     * Commands joined by {@code &&} and {@code ||}, as iPXE runs them: {@code a && b} runs b when a succeeds,
     * {@code a || b} runs b when a fails. A trailing {@code ||} with nothing after it means "carry on even
     * if this failed" (without it a failed command ends the script).
     *
     * @param commands  one or more commands
     * @param operators the operator after each command but the last, plus {@link Operator#OR} at the end
     *                  when the line ends with {@code ||}
     */
    record Statement(List<IpxeCommand> commands, List<Operator> operators) implements IpxeLine {
        public Statement {
            commands = List.copyOf(commands);
            operators = List.copyOf(operators);
            if (commands.isEmpty()) {
                throw InvalidInputException.of("iPXE script", "bad-statement", "statement", "no command");
            }
            if (operators.size() != commands.size() - 1 && operators.size() != commands.size()) {
                throw InvalidInputException.of("iPXE script", "bad-statement", "statement",
                        "one operator between each two commands, and at most a trailing ||");
            }
            if (operators.size() == commands.size() && operators.get(operators.size() - 1) != Operator.OR) {
                throw InvalidInputException.of("iPXE script", "bad-statement", "statement",
                        "only || may end a line");
            }
        }

        public static Statement of(IpxeCommand command) {
            return new Statement(List.of(command), List.of());
        }

        /** This statement followed by {@code && next}. */
        public Statement and(IpxeCommand next) {
            return append(Operator.AND, next);
        }

        /** This statement followed by {@code || next}. */
        public Statement or(IpxeCommand next) {
            return append(Operator.OR, next);
        }

        /** This statement with a trailing {@code ||}: a failure does not end the script. */
        public Statement orContinue() {
            if (operators.size() == commands.size()) {
                return this;
            }
            List<Operator> ops = new ArrayList<>(operators);
            ops.add(Operator.OR);
            return new Statement(commands, ops);
        }

        private Statement append(Operator op, IpxeCommand next) {
            if (operators.size() == commands.size()) {
                throw InvalidInputException.of("iPXE script", "bad-statement", "statement",
                        "nothing may follow a trailing ||");
            }
            List<IpxeCommand> cmds = new ArrayList<>(commands);
            cmds.add(next);
            List<Operator> ops = new ArrayList<>(operators);
            ops.add(op);
            return new Statement(cmds, ops);
        }

        @Override
        public String render() {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < commands.size(); i++) {
                if (i > 0) {
                    sb.append(' ');
                }
                sb.append(commands.get(i).render());
                if (i < operators.size()) {
                    sb.append(' ').append(operators.get(i).token());
                }
            }
            return sb.toString();
        }
    }

    /** The two operators of an iPXE command line. */
    enum Operator {
        AND("&&"), OR("||");

        private final String token;

        Operator(String token) {
            this.token = token;
        }

        public String token() {
            return token;
        }
    }

    static boolean isLabelName(String name) {
        if (name == null || name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(Character.isLetterOrDigit(c) && c < 128 || c == '_' || c == '-' || c == '.')) {
                return false;
            }
        }
        return true;
    }
}
