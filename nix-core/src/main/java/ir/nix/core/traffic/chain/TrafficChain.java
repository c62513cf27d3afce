package ir.nix.core.traffic.chain;

import ir.nix.core.node.NodeProperties;
import ir.nix.core.traffic.TrafficRecord;
import ir.nix.core.traffic.TrafficStore;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * This node's hash chain over the records it stores, in arrival order. Only the node's single traffic
 * writer calls {@link #append}; that is what makes "read the head, chain, insert" safe without locks.
 *
 * <p>One database transaction per batch: drop the records already stored (a redelivery after a crash
 * between the store's commit and the queue's), chain the rest from the head, insert them. The head is
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
            Appended appended = transactions.execute(status -> chainAndInsert(batch));
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

    private Appended chainAndInsert(List<TrafficRecord> batch) {
        ChainLink link = head != null ? head : chainStore.head(node).orElse(ChainLink.genesis(node));
        Set<String> stored = chainStore.storedAmong(batch);
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
