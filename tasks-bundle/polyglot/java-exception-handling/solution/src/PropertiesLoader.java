import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Loads simple {@code key=value} properties files for the ingest workers.
 * Blank lines and lines starting with {@code #} are ignored.
 */
public final class PropertiesLoader {
    private PropertiesLoader() {
    }

    /**
     * Reads all properties from {@code source}. The loader takes ownership of
     * {@code source}: it is always closed when this method returns, whether
     * it returns normally or throws.
     */
    public static Map<String, String> load(Reader source) throws IOException, ConfigException {
        try (BufferedReader reader = new BufferedReader(source)) {
            Map<String, String> properties = new LinkedHashMap<>();
            int lineNo = 0;
            String line;
            while ((line = reader.readLine()) != null) {
                lineNo++;
                String trimmed = line.trim();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                int eq = trimmed.indexOf('=');
                if (eq <= 0) {
                    throw new ConfigException(lineNo, "expected key=value but got '" + trimmed + "'");
                }
                properties.put(trimmed.substring(0, eq).trim(), trimmed.substring(eq + 1).trim());
            }
            return properties;
        }
    }
}
