package io.tradingpipeline.job.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sql.XAConnection;
import javax.sql.XADataSource;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import org.junit.jupiter.api.Test;

/** The XIDs the server sees and the XIDs recovery returns, with a fake server in place of MySQL. */
class ScopedXaDataSourceTest {
    private static final Xid XID = xid(7, new byte[] {1, 2, 3}, new byte[] {9});

    private final FakeServer server = new FakeServer();

    @Test
    void everyXidSentToTheServerCarriesTheScope() throws Exception {
        XAResource resource = resourceOfScope(2);

        resource.start(XID, XAResource.TMNOFLAGS);
        resource.end(XID, XAResource.TMSUCCESS);
        resource.prepare(XID);
        resource.commit(XID, false);
        resource.rollback(XID);
        resource.forget(XID);

        assertThat(server.calls).extracting(Call::method)
                .containsExactly("start", "end", "prepare", "commit", "rollback", "forget");
        assertThat(server.calls).allSatisfy(call -> {
            assertThat(call.xid().getFormatId()).isEqualTo(7);
            assertThat(call.xid().getGlobalTransactionId()).containsExactly(1, 2, 3, 'S', 2);
            assertThat(call.xid().getBranchQualifier()).containsExactly(9);
        });
    }

    @Test
    void recoveryReturnsOnlyTheXidsOfItsOwnScopeAsTheConnectorCreatedThem() throws Exception {
        resourceOfScope(1).start(XID, XAResource.TMNOFLAGS);
        resourceOfScope(2).start(xid(7, new byte[] {4}, new byte[] {9}), XAResource.TMNOFLAGS);
        server.prepared.addAll(server.calls.stream().map(Call::xid).toList());
        server.prepared.add(xid(7, new byte[] {5, 6}, new byte[] {9})); // another client's, unscoped
        server.prepared.add(xid(7, new byte[] {'S'}, new byte[] {9})); // shorter than a marker
        server.prepared.add(xid(7, new byte[] {5, 'T', 1}, new byte[] {9})); // scope byte without the marker

        Xid[] recovered = resourceOfScope(1).recover(XAResource.TMSTARTRSCAN);

        assertThat(recovered).hasSize(1);
        assertThat(recovered[0].getFormatId()).isEqualTo(7);
        assertThat(recovered[0].getGlobalTransactionId()).containsExactly(1, 2, 3);
        assertThat(recovered[0].getBranchQualifier()).containsExactly(9);
        assertThat(recovered[0]).isEqualTo(copyOf(recovered[0]));
    }

    @Test
    void aRecoveredXidCanBeCommittedUnderItsScopedId() throws Exception {
        XAResource resource = resourceOfScope(3);
        resource.start(XID, XAResource.TMNOFLAGS);
        server.prepared.add(server.calls.get(0).xid());

        resource.commit(resource.recover(XAResource.TMSTARTRSCAN)[0], false);

        assertThat(server.calls.get(1).method()).isEqualTo("commit");
        assertThat(server.calls.get(1).xid().getGlobalTransactionId()).containsExactly(1, 2, 3, 'S', 3);
    }

    @Test
    void rejectsAGlobalIdWithoutRoomForTheMarker() throws Exception {
        XAResource resource = resourceOfScope(1);
        Xid longest = xid(7, new byte[Xid.MAXGTRIDSIZE - 1], new byte[] {9});

        assertThatThrownBy(() -> resource.start(longest, XAResource.TMNOFLAGS))
                .isInstanceOfSatisfying(XAException.class,
                        e -> assertThat(e.errorCode).isEqualTo(XAException.XAER_INVAL));
        resource.start(xid(7, new byte[Xid.MAXGTRIDSIZE - 2], new byte[] {9}), XAResource.TMNOFLAGS);
        assertThat(server.calls.get(0).xid().getGlobalTransactionId()).hasSize(Xid.MAXGTRIDSIZE);
    }

    @Test
    void resourcesOfDifferentScopesAreDifferentResourceManagers() throws Exception {
        assertThat(resourceOfScope(1).isSameRM(resourceOfScope(1))).isTrue();
        assertThat(resourceOfScope(1).isSameRM(resourceOfScope(2))).isFalse();
        assertThat(resourceOfScope(1).isSameRM(server.resource())).isFalse();
    }

    @Test
    void scopeFitsInOneByte() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ScopedXaDataSource(server.dataSource(), 0));
        assertThatIllegalArgumentException().isThrownBy(() -> new ScopedXaDataSource(server.dataSource(), 128));
        new ScopedXaDataSource(server.dataSource(), 127);
    }

    private XAResource resourceOfScope(int scope) throws SQLException {
        return new ScopedXaDataSource(server.dataSource(), scope).getXAConnection().getXAResource();
    }

    /** An Xid of another class with equal ids. */
    private static Xid copyOf(Xid xid) {
        return xid(xid.getFormatId(), xid.getGlobalTransactionId().clone(), xid.getBranchQualifier().clone());
    }

    private static Xid xid(int formatId, byte[] global, byte[] branch) {
        return new Xid() {
            @Override
            public int getFormatId() {
                return formatId;
            }

            @Override
            public byte[] getGlobalTransactionId() {
                return global;
            }

            @Override
            public byte[] getBranchQualifier() {
                return branch;
            }

            @Override
            public String toString() {
                return formatId + ":" + Arrays.toString(global) + ":" + Arrays.toString(branch);
            }
        };
    }

    private record Call(String method, Xid xid) {}

    /** Records the XIDs it is sent and recovers the ones in {@link #prepared}; one resource manager. */
    private static final class FakeServer {
        final List<Call> calls = new ArrayList<>();
        final List<Xid> prepared = new ArrayList<>();

        XADataSource dataSource() {
            return proxy(XADataSource.class, (method, args) -> connection());
        }

        private XAConnection connection() {
            return proxy(XAConnection.class, (method, args) -> resource());
        }

        XAResource resource() {
            return proxy(XAResource.class, (method, args) -> switch (method) {
                case "recover" -> prepared.toArray(Xid[]::new);
                case "isSameRM" -> true;
                default -> {
                    calls.add(new Call(method, (Xid) args[0]));
                    yield method.equals("prepare") ? XAResource.XA_OK : null;
                }
            });
        }

        @FunctionalInterface
        private interface Handler {
            Object invoke(String method, Object[] args);
        }

        private static <T> T proxy(Class<T> type, Handler handler) {
            return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                    (proxy, method, args) -> handler.invoke(method.getName(), args)));
        }
    }
}
