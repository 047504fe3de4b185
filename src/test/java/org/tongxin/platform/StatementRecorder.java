package org.tongxin.platform;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Wraps the application's DataSource and writes down every prepared statement it runs, with the values
 * bound to it: a test can then ask PostgreSQL how it plans exactly what the application sent.
 */
public final class StatementRecorder implements BeanPostProcessor {

	/** A statement as the application prepared it ("?" placeholders) and the values bound, by position. */
	public record Recorded(String sql, List<Object> values) {
	}

	private final List<Recorded> recorded = new CopyOnWriteArrayList<>();

	private volatile boolean recording;

	public void start() {
		recorded.clear();
		recording = true;
	}

	public List<Recorded> stop() {
		recording = false;
		return List.copyOf(recorded);
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof DataSource dataSource && "dataSource".equals(beanName)) {
			return new DelegatingDataSource(dataSource) {

				@Override
				public Connection getConnection() throws java.sql.SQLException {
					return connection(super.getConnection());
				}
			};
		}
		return bean;
	}

	private Connection connection(Connection target) {
		return proxy(Connection.class, target, (method, args, result) -> {
			if (method.getName().equals("prepareStatement") && args != null && args[0] instanceof String sql
					&& result instanceof PreparedStatement statement) {
				return statement(statement, sql);
			}
			return result;
		});
	}

	private PreparedStatement statement(PreparedStatement target, String sql) {
		TreeMap<Integer, Object> values = new TreeMap<>();
		return proxy(PreparedStatement.class, target, (method, args, result) -> {
			String name = method.getName();
			if (name.startsWith("set") && args != null && args.length >= 2 && args[0] instanceof Integer index) {
				values.put(index, name.equals("setNull") ? NULL : args[1]);
			}
			else if (recording && name.startsWith("execute") && (args == null || args.length == 0)) {
				recorded.add(new Recorded(sql, new ArrayList<>(values.values())));
			}
			return result;
		});
	}

	/** A bound SQL null (its type is the statement's business). */
	public static final Object NULL = new Object() {

		@Override
		public String toString() {
			return "NULL";
		}
	};

	@FunctionalInterface
	private interface After {

		Object apply(Method method, Object[] args, Object result) throws Exception;
	}

	@SuppressWarnings("unchecked")
	private static <T> T proxy(Class<T> type, T target, After after) {
		InvocationHandler handler = (proxy, method, args) -> {
			Object result;
			try {
				result = method.invoke(target, args);
			}
			catch (InvocationTargetException e) {
				throw e.getCause();
			}
			return after.apply(method, args, result);
		};
		return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type }, handler);
	}
}
