package contextmap;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;

/**
 * Starts Neo4j community in-process with Bolt on 127.0.0.1:PORT and a throw-away data
 * directory, prints "CONTEXTMAP-NEO4J-READY bolt://127.0.0.1:PORT" and stops on SIGTERM.
 *
 * Usage: java ... contextmap.TestServer PORT DATA_DIR PASSWORD
 */
public final class TestServer {
    private TestServer() {}

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Path home = Path.of(args[1]);
        String password = args[2];
        Files.createDirectories(home);
        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
            .setConfig(BoltConnector.enabled, true)
            .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
            .setConfig(HttpConnector.enabled, false)
            .setConfig(GraphDatabaseSettings.auth_enabled, true)
            .setConfig(GraphDatabaseSettings.pagecache_memory, 256L * 1024 * 1024)
            .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofMinutes(5))
            .build();
        GraphDatabaseService system = dbms.database("system");
        system.executeTransactionally(
            "ALTER USER neo4j SET PASSWORD $pw CHANGE NOT REQUIRED",
            java.util.Map.of("pw", password));
        dbms.database("neo4j");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            dbms.shutdown();
            System.out.println("CONTEXTMAP-NEO4J-STOPPED");
        }));
        System.out.println("CONTEXTMAP-NEO4J-READY bolt://127.0.0.1:" + port);
        System.out.flush();
        Thread.currentThread().join();
    }
}
