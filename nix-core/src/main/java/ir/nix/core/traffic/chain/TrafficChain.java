package ir.nix.core.traffic.chain;

import ir.nix.core.node.NodeProperties;
import ir.nix.core.traffic.TrafficRecord;
import ir.nix.core.traffic.TrafficStore;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * This node's hash chain over the records it stores, in arrival order. Only the node's single traffic
 * writer calls {@link #append}; that is what makes "read the head, chain, insert" safe without locks.
 *
 * <p>One database transaction per batch: chain the records from the head and insert them in one JDBC
 * batch, with no existence query on the way. Only when the store reports a tracking ID already stored
 * (a redelivery after a crash between the store's commit and the queue's) is the batch chained again
 * without the records already stored. The head is
 * read from the store once and then kept in memory; it moves only after a commit, and after any
 * failure it is read again, since a failed commit may still have been applied.
 */
@Component
public class TrafficChain {

    private final TrafficStore store;
    private final ChainStore chainStore;
    private final TransactionTemplate transactions;
    private final String node;
    private volatile ChainLink head;

    TrafficChain(JdbcTemplate jdbc, TrafficStore store, ChainStore chainStore, NodeProperties node) {
        this.store = store;
        this.chainStore = chainStore;
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource()));
        this.node = node.node();
    }

    /** Chains and stores the records of {@code batch} that are not stored yet. @return how many were stored */
    public int append(List<TrafficRecord> batch) {
        try {
            Appended appended;
            try {
                appended = transactions.execute(status -> chainAndInsert(batch, new HashSet<>()));
            } catch (DuplicateKeyException redelivered) {
                // A redelivery after a crash between the store's commit and the queue's: the first attempt rolled
                // back, so chain again from the stored head, leaving out what is already stored.
                head = null;
                appended = transactions.execute(status -> chainAndInsert(batch, chainStore.storedAmong(batch)));
            }
            head = appended.head();
            return appended.count();
        } catch (RuntimeException failed) {
            head = null;
            throw failed;
        }
    }

    /** The last committed link, once this node has read or written its chain since start. */
    public Optional<ChainLink> head() {
        return Optional.ofNullable(head);
    }

    public String node() {
        return node;
    }

    /** @param stored tracking IDs to leave out; records met twice in the batch are chained once */
    private Appended chainAndInsert(List<TrafficRecord> batch, Set<String> stored) {
        ChainLink link = head != null ? head : chainStore.head(node).orElse(ChainLink.genesis(node));
        List<ChainedRecord> chained = new ArrayList<>(batch.size());
        for (TrafficRecord record : batch) {
            if (stored.add(record.trackingId().toString())) {
                link = link.next(record);
                chained.add(new ChainedRecord(record, link));
            }
        }
        if (!chained.isEmpty()) {
            requireAllInserted(store.insert(chained), chained);
        }
        return new Appended(link, chained.size());
    }

    /** A record another writer stored meanwhile would leave a gap in this chain: roll back and chain again. */
    private static void requireAllInserted(int[] rows, List<ChainedRecord> chained) {
        for (int i = 0; i < rows.length; i++) {
            if (rows[i] == 0 || rows[i] == Statement.EXECUTE_FAILED) {
                throw new IllegalStateException("traffic record " + chained.get(i).record().trackingId()
                        + " was stored by another writer meanwhile; the batch is chained again");
            }
        }
    }

    private record Appended(ChainLink head, int count) {
    }
}
