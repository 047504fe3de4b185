package org.tongxin.platform.exports;

import java.sql.SQLTransientConnectionException;

/**
 * Every connection of the export pool stayed taken for the whole wait: too many exports at once. Thrown where a
 * connection is requested, so Spring wraps it like any failure to connect; the error handling finds it as the
 * cause and answers 503 with its own message.
 */
public class ExportPoolBusyException extends SQLTransientConnectionException {

	ExportPoolBusyException(SQLTransientConnectionException timeout) {
		super(timeout.getMessage(), timeout.getSQLState(), timeout);
	}
}
