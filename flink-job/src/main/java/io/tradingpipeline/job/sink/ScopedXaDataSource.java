package io.tradingpipeline.job.sink;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Arrays;
import java.util.logging.Logger;
import javax.sql.ConnectionEventListener;
import javax.sql.StatementEventListener;
import javax.sql.XAConnection;
import javax.sql.XADataSource;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

/**
 * Gives each exactly-once JDBC sink of the job its own XA id space on a shared database.
 *
 * <p>The JDBC connector derives transaction ids from job id, subtask and checkpoint only, so two XA sinks
 * of one job writing to the same server would start identical XIDs ({@code XAER_DUPID}) and each would
 * recover (commit or roll back) the other's prepared transactions. MySQL and MariaDB compare XIDs by
 * global transaction id and branch qualifier only, so this wrapper appends a per-sink scope marker to the
 * global transaction id on the way to the server and, in {@code XA RECOVER}, returns only its own XIDs,
 * without the marker, as the connector created them.
 */
final class ScopedXaDataSource implements XADataSource {
    private static final byte SCOPE_MARKER = 'S';

    private final XADataSource delegate;
    private final int scope;

    ScopedXaDataSource(XADataSource delegate, int scope) {
        if (scope <= 0 || scope > Byte.MAX_VALUE) {
            throw new IllegalArgumentException("scope must be in 1.." + Byte.MAX_VALUE + ": " + scope);
        }
        this.delegate = delegate;
        this.scope = scope;
    }

    @Override
    public XAConnection getXAConnection() throws SQLException {
        return new ScopedConnection(delegate.getXAConnection(), scope);
    }

    @Override
    public XAConnection getXAConnection(String user, String password) throws SQLException {
        return new ScopedConnection(delegate.getXAConnection(user, password), scope);
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return delegate.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        delegate.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        delegate.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return delegate.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return delegate.getParentLogger();
    }

    private record ScopedXid(int formatId, byte[] globalTransactionId, byte[] branchQualifier) implements Xid {
        @Override
        public int getFormatId() {
            return formatId;
        }

        @Override
        public byte[] getGlobalTransactionId() {
            return globalTransactionId;
        }

        @Override
        public byte[] getBranchQualifier() {
            return branchQualifier;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Xid other && formatId == other.getFormatId()
                    && Arrays.equals(globalTransactionId, other.getGlobalTransactionId())
                    && Arrays.equals(branchQualifier, other.getBranchQualifier());
        }

        @Override
        public int hashCode() {
            return 31 * (31 * formatId + Arrays.hashCode(globalTransactionId)) + Arrays.hashCode(branchQualifier);
        }
    }

    private static final class ScopedConnection implements XAConnection {
        private final XAConnection delegate;
        private final int scope;

        ScopedConnection(XAConnection delegate, int scope) {
            this.delegate = delegate;
            this.scope = scope;
        }

        @Override
        public XAResource getXAResource() throws SQLException {
            return new ScopedResource(delegate.getXAResource(), scope);
        }

        @Override
        public Connection getConnection() throws SQLException {
            return delegate.getConnection();
        }

        @Override
        public void close() throws SQLException {
            delegate.close();
        }

        @Override
        public void addConnectionEventListener(ConnectionEventListener listener) {
            delegate.addConnectionEventListener(listener);
        }

        @Override
        public void removeConnectionEventListener(ConnectionEventListener listener) {
            delegate.removeConnectionEventListener(listener);
        }

        @Override
        public void addStatementEventListener(StatementEventListener listener) {
            delegate.addStatementEventListener(listener);
        }

        @Override
        public void removeStatementEventListener(StatementEventListener listener) {
            delegate.removeStatementEventListener(listener);
        }
    }

    private static final class ScopedResource implements XAResource {
        private final XAResource delegate;
        private final int scope;

        ScopedResource(XAResource delegate, int scope) {
            this.delegate = delegate;
            this.scope = scope;
        }

        private Xid scoped(Xid xid) throws XAException {
            byte[] global = xid.getGlobalTransactionId();
            if (global.length > Xid.MAXGTRIDSIZE - 2) {
                throw new XAException(XAException.XAER_INVAL);
            }
            byte[] scopedGlobal = Arrays.copyOf(global, global.length + 2);
            scopedGlobal[global.length] = SCOPE_MARKER;
            scopedGlobal[global.length + 1] = (byte) scope;
            return new ScopedXid(xid.getFormatId(), scopedGlobal, xid.getBranchQualifier());
        }

        private boolean isInScope(Xid xid) {
            byte[] global = xid.getGlobalTransactionId();
            int length = global.length;
            return length >= 2 && global[length - 2] == SCOPE_MARKER && global[length - 1] == scope;
        }

        @Override
        public Xid[] recover(int flag) throws XAException {
            return Arrays.stream(delegate.recover(flag))
                    .filter(this::isInScope)
                    .map(xid -> new ScopedXid(xid.getFormatId(),
                            Arrays.copyOf(xid.getGlobalTransactionId(), xid.getGlobalTransactionId().length - 2),
                            xid.getBranchQualifier()))
                    .toArray(Xid[]::new);
        }

        @Override
        public void start(Xid xid, int flags) throws XAException {
            delegate.start(scoped(xid), flags);
        }

        @Override
        public void end(Xid xid, int flags) throws XAException {
            delegate.end(scoped(xid), flags);
        }

        @Override
        public int prepare(Xid xid) throws XAException {
            return delegate.prepare(scoped(xid));
        }

        @Override
        public void commit(Xid xid, boolean onePhase) throws XAException {
            delegate.commit(scoped(xid), onePhase);
        }

        @Override
        public void rollback(Xid xid) throws XAException {
            delegate.rollback(scoped(xid));
        }

        @Override
        public void forget(Xid xid) throws XAException {
            delegate.forget(scoped(xid));
        }

        @Override
        public boolean isSameRM(XAResource other) throws XAException {
            return other instanceof ScopedResource scopedOther && scopedOther.scope == scope
                    && delegate.isSameRM(scopedOther.delegate);
        }

        @Override
        public int getTransactionTimeout() throws XAException {
            return delegate.getTransactionTimeout();
        }

        @Override
        public boolean setTransactionTimeout(int seconds) throws XAException {
            return delegate.setTransactionTimeout(seconds);
        }
    }
}
