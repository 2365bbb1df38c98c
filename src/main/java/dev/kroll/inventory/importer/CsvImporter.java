package dev.kroll.inventory.importer;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.kroll.inventory.Host;
import dev.kroll.inventory.HostNames;
import dev.kroll.inventory.Inventory;
import dev.kroll.util.DidYouMean;
import dev.kroll.util.KrollException;
import dev.kroll.util.Problem;
import dev.kroll.util.SourcePos;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a spreadsheet export: a header row naming the columns (any order, any case), then one host
 * per row. Parsing (quotes, embedded commas and newlines) is jackson-dataformat-csv's; every value
 * keeps its line and column so problems point at the cell.
 */
public final class CsvImporter implements InventoryImporter {

    /** Column names kroll reads, each with the other spellings spreadsheets use for it. */
    static final Map<String, String> COLUMNS = new LinkedHashMap<>();

    static {
        for (String c : List.of("name", "address", "roles", "rack", "broker_id", "zookeeper_id", "ssh_user", "ssh_port", "ssh_key",
                "memory", "aliases")) {
            COLUMNS.put(c, c);
        }
        COLUMNS.put("host", "name");
        COLUMNS.put("hostname", "name");
        COLUMNS.put("fqdn", "name");
        COLUMNS.put("ip", "address");
        COLUMNS.put("ip_address", "address");
        COLUMNS.put("role", "roles");
        COLUMNS.put("myid", "zookeeper_id");
        COLUMNS.put("ram", "memory");
    }

    /** One value with the place it starts. */
    record Cell(String value, SourcePos pos) {
    }

    @Override
    public Inventory read(String source, ImportOptions options, List<Problem> problems) {
        Path file = Path.of(source);
        List<List<Cell>> rows = parse(ImportValues.readText(file), file);
        SourcePos top = SourcePos.of(file, 1, 1);
        String cluster = ImportValues.clusterName(options, file);
        if (rows.isEmpty()) {
            problems.add(Problem.error(top, "the CSV file is empty", "start with a header row, e.g. name,address,roles"));
            return ImportValues.inventory(cluster, SourcePos.file(file), List.of());
        }
        List<String> columns = header(rows.get(0), problems);
        if (columns == null) {
            return ImportValues.inventory(cluster, SourcePos.file(file), List.of());
        }
        List<Host> hosts = new ArrayList<>();
        for (List<Cell> row : rows.subList(1, rows.size())) {
            Host h = host(row, columns, problems);
            if (h != null) {
                hosts.add(h);
            }
        }
        return ImportValues.inventory(cluster, SourcePos.file(file), hosts);
    }

    /** The canonical column name of each header cell, or null when the header is unusable. */
    private static List<String> header(List<Cell> cells, List<Problem> problems) {
        List<String> columns = new ArrayList<>();
        Map<String, Cell> seen = new LinkedHashMap<>();
        boolean ok = true;
        for (Cell c : cells) {
            String key = c.value().trim().toLowerCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
            String column = COLUMNS.get(key);
            if (key.isEmpty()) {
                problems.add(Problem.error(c.pos(), "a column of the header has no name", "name every column, e.g. name,address,roles"));
                ok = false;
            } else if (column == null) {
                if (HostNames.isHostname(key) && key.contains(".") || HostNames.isIp(key)) {
                    problems.add(Problem.error(c.pos(), "the first row is a host, not a header",
                            "add a header row naming the columns, e.g. name,address,roles"));
                    return null;
                }
                problems.add(Problem.error(c.pos(), "unknown column '" + c.value().trim() + "'",
                        DidYouMean.closest(key, COLUMNS.keySet()).map(s -> "did you mean '" + s + "'?")
                                .orElse("columns are " + String.join(", ", new java.util.LinkedHashSet<>(COLUMNS.values())))));
                ok = false;
            } else if (seen.containsKey(column)) {
                problems.add(Problem.error(c.pos(), "column '" + column + "' appears twice (first at column "
                        + seen.get(column).pos().column() + ")", "keep one of them"));
                ok = false;
            } else {
                seen.put(column, c);
            }
            columns.add(column);
        }
        SourcePos start = cells.get(0).pos();
        if (!seen.containsKey("name")) {
            problems.add(Problem.error(start, "the header has no 'name' column", "add a column 'name' with each host's FQDN"));
            ok = false;
        }
        if (!seen.containsKey("roles")) {
            problems.add(Problem.error(start, "the header has no 'roles' column",
                    "add a column 'roles' with zookeeper, kafka or both (zookeeper;kafka)"));
            ok = false;
        }
        return ok ? columns : null;
    }

    private static Host host(List<Cell> row, List<String> columns, List<Problem> problems) {
        if (row.stream().allMatch(c -> c.value().isBlank())) {
            return null; // a row of empty cells, as spreadsheets leave below the data
        }
        Map<String, Cell> values = new LinkedHashMap<>();
        for (int i = 0; i < row.size(); i++) {
            Cell c = new Cell(row.get(i).value().trim(), row.get(i).pos());
            if (i >= columns.size()) {
                if (!c.value().isEmpty()) {
                    problems.add(Problem.error(c.pos(), "this row has " + row.size() + " values but the header names "
                            + columns.size() + " columns", "quote values that contain commas, or add the column to the header"));
                    return null;
                }
            } else if (!c.value().isEmpty()) {
                values.put(columns.get(i), c);
            }
        }
        Cell name = values.get("name");
        if (name == null) {
            problems.add(Problem.error(row.get(0).pos(), "this row has no name", "fill in the host's FQDN in the 'name' column"));
            return null;
        }
        String owner = "host " + name.value();
        HostBuilder b = new HostBuilder(name.value(), name.pos());
        for (Map.Entry<String, Cell> e : values.entrySet()) {
            String v = e.getValue().value();
            SourcePos at = e.getValue().pos();
            switch (e.getKey()) {
                case "address" -> b.address(v, at);
                case "roles" -> b.roles(ImportValues.roles(v, at, owner, problems), at);
                case "rack" -> b.rack(v, at);
                case "aliases" -> {
                    for (String a : ImportValues.ROLE_SEPARATORS.split(v)) {
                        if (!a.isEmpty()) {
                            b.aliases.add(a);
                        }
                    }
                }
                case "broker_id" -> b.brokerId(ImportValues.integer(v, 0, Integer.MAX_VALUE, at, "broker_id of " + owner, problems), at);
                case "zookeeper_id" -> b.zookeeperId(ImportValues.integer(v, Integer.MIN_VALUE, Integer.MAX_VALUE, at,
                        "zookeeper_id of " + owner, problems), at);
                case "ssh_user" -> b.sshUser(v, at);
                case "ssh_port" -> {
                    Integer port = ImportValues.integer(v, 1, 65535, at, "ssh_port of " + owner, problems);
                    if (port != null) {
                        b.sshPort(port, at);
                    }
                }
                case "ssh_key" -> b.sshKey(v, at);
                case "memory" -> b.memory(ImportValues.memory(v, at, "memory of " + owner, problems), at);
                default -> {
                    // name, already read
                }
            }
        }
        return b.build();
    }

    /** Rows of cells; a syntax error (an unclosed quote) ends the import with one problem. */
    static List<List<Cell>> parse(String text, Path file) {
        List<List<Cell>> rows = new ArrayList<>();
        CsvMapper mapper = new CsvMapper();
        try (CsvParser p = mapper.getFactory().createParser(text)) {
            p.enable(CsvParser.Feature.WRAP_AS_ARRAY);
            p.setSchema(CsvSchema.emptySchema().withComments());
            List<Cell> row = null;
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.START_ARRAY && p.getParsingContext().getParent() != null && p.getParsingContext().getParent().inArray()) {
                    row = new ArrayList<>();
                } else if (t == JsonToken.VALUE_STRING && row != null) {
                    JsonLocation l = p.currentTokenLocation();
                    row.add(new Cell(p.getText(), SourcePos.of(file, l.getLineNr(), l.getColumnNr())));
                } else if (t == JsonToken.END_ARRAY && row != null) {
                    rows.add(row);
                    row = null;
                }
            }
        } catch (JsonProcessingException e) {
            throw KrollException.badInput(syntaxProblem(text, file, e));
        } catch (IOException e) {
            throw KrollException.badInput(file + ": cannot read (" + e.getMessage() + ")");
        }
        return rows;
    }

    private static Problem syntaxProblem(String text, Path file, JsonProcessingException e) {
        int[] quote = unclosedQuote(text);
        if (quote != null) {
            return Problem.error(SourcePos.of(file, quote[0], quote[1]), "invalid CSV: this quote is never closed",
                    "close the quoted value with \"; write a quote inside a value as \"\"");
        }
        JsonLocation l = e.getLocation();
        SourcePos pos = l == null ? SourcePos.file(file) : SourcePos.of(file, l.getLineNr(), l.getColumnNr());
        return Problem.error(pos, "invalid CSV: " + e.getOriginalMessage().lines().findFirst().orElse("malformed"),
                "fix the row's quoting");
    }

    /** Line and column of a double quote that opens a value and is never closed, or null. */
    static int[] unclosedQuote(String text) {
        boolean open = false;
        int line = 1;
        int col = 0;
        int[] at = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            col++;
            if (c == '"') {
                open = !open;
                at = open ? new int[] {line, col} : null;
            } else if (c == '\n') {
                line++;
                col = 0;
            }
        }
        return open ? at : null;
    }
}
