package ir.nix.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The machine's real PostgreSQL on 127.0.0.1:5432 (trust auth; CI starts it). Each test class gets
 * a database of its own, recreated empty. {@code NIX_TEST_DB_PREFIX} (letters, digits, underscore) is put
 * before each name so that two checkouts can run their suites against one server at once.
 */
final class Postgres {

    static final int PORT = 5432;
    static final String USER = "postgres";

    private Postgres() {
    }

    static String freshDatabase(String suffix) {
        String name = databasePrefix() + suffix;
        try (Connection admin = DriverManager.getConnection(url("postgres"), USER, "");
             Statement sql = admin.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            sql.execute("CREATE DATABASE " + name);
            return name;
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL on 127.0.0.1:" + PORT + " is required for this test", e);
        }
    }

    private static String databasePrefix() {
        String prefix = System.getenv().getOrDefault("NIX_TEST_DB_PREFIX", "");
        if (!prefix.matches("[A-Za-z0-9_]*")) {
            throw new IllegalStateException("NIX_TEST_DB_PREFIX may hold only letters, digits and underscores");
        }
        return prefix.toLowerCase(Locale.ROOT);
    }

    static String url(String database) {
        return url(database, PORT);
    }

    static String url(String database, int port) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(url(database), USER, "");
    }

    /** How many traffic records each tracking ID has in {@code database}. */
    static Map<String, Integer> recordsPerTrackingId(String database, List<String> trackingIds) throws SQLException {
        Map<String, Integer> counts = new HashMap<>();
        try (Connection db = connect(database);
             PreparedStatement query = db.prepareStatement(
                     "SELECT tracking_id, COUNT(*) FROM traffic_record WHERE tracking_id = ANY (?) GROUP BY tracking_id")) {
            query.setArray(1, db.createArrayOf("varchar", trackingIds.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getString(1), rows.getInt(2));
                }
            }
        }
        return counts;
    }
}
