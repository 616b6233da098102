/** Thrown when a properties file has a line that is not {@code key=value}. */
public class ConfigException extends Exception {
    private final int line;

    public ConfigException(int line, String message) {
        super("line " + line + ": " + message);
        this.line = line;
    }

    public int line() {
        return line;
    }
}
