package org.tongxin.platform.accounts;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The roles and their permissions, built in (read-only templates, named through messages) and custom
 * (made by the security administrator, named in the table). Roles are the same for every unit: what an
 * account sees is its role's permissions within its own unit's data scope.
 */
@Repository
public class RoleCatalogue {

	/** A role as the editor shows it; {@code accounts} is how many accounts hold it. */
	public record Role(String code, boolean builtin, @Nullable String nameZh, @Nullable String nameEn, int sort,
			Set<String> permissions, long accounts) {

		public String label(MessageSource messages, Locale locale) {
			if (builtin) {
				return messages.getMessage("role." + code, null, code, locale);
			}
			return "en".equals(locale.getLanguage()) && nameEn != null ? nameEn : String.valueOf(nameZh);
		}
	}

	private static final String SELECT = """
			select r.code, r.builtin, r.name_zh, r.name_en, r.sort,
			       array(select p.permission from platform_role_permission p where p.role = r.code order by 1) as permissions,
			       (select count(*) from platform_account_role a where a.role = r.code) as accounts
			from platform_role r
			""";

	private final JdbcClient jdbc;

	RoleCatalogue(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Role> all() {
		return jdbc.sql(SELECT + " order by r.sort, r.code").query(RoleCatalogue::map).list();
	}

	public Optional<Role> find(String code) {
		return jdbc.sql(SELECT + " where r.code = ?").param(code).query(RoleCatalogue::map).optional();
	}

	public Set<String> codes() {
		return new TreeSet<>(jdbc.sql("select code from platform_role").query(String.class).list());
	}

	/** Role code → its name in the locale, in the editor's order. */
	public Map<String, String> labels(MessageSource messages, Locale locale) {
		Map<String, String> labels = new LinkedHashMap<>();
		all().forEach(role -> labels.put(role.code(), role.label(messages, locale)));
		return labels;
	}

	/** Every permission some built-in role holds: what a custom role may be made of. */
	public List<String> permissions() {
		return jdbc.sql("""
				select distinct p.permission from platform_role_permission p join platform_role r on r.code = p.role
				where r.builtin order by 1""").query(String.class).list();
	}

	/**
	 * The permissions of each of the three administrators (三员): permission → the administrator role that
	 * holds it. Read from the built-in roles, so a permission a module adds to an administrator counts too.
	 */
	public Map<String, String> administratorPermissions() {
		Map<String, String> classes = new HashMap<>();
		jdbc.sql("select permission, role from platform_role_permission where role in (:roles)")
			.param("roles", List.copyOf(Roles.ADMINISTRATORS))
			.query((rs, n) -> classes.put(rs.getString(1), rs.getString(2)))
			.list();
		return classes;
	}

	/**
	 * 三员分立 for a set of permissions (one custom role, or everything an account would hold): the permissions
	 * of at most one administrator, and none of them together with a permission on programme or people data.
	 *
	 * @return the message key of the rule broken; empty when it holds
	 */
	public Optional<String> separationViolation(Set<String> permissions) {
		Map<String, String> administrators = administratorPermissions();
		long classes = permissions.stream().map(administrators::get).filter(java.util.Objects::nonNull).distinct().count();
		if (classes > 1) {
			return Optional.of("role.separation.administrators");
		}
		if (classes == 1 && !administrators.keySet().containsAll(permissions)) {
			return Optional.of("role.separation.mixed");
		}
		return Optional.empty();
	}

	/** The same rule for the roles given to one account, by what the roles allow. */
	public Optional<String> separationViolationOfRoles(Set<String> roles) {
		Optional<String> byCode = Roles.separationViolation(roles);
		if (byCode.isPresent()) {
			return byCode;
		}
		Set<String> permissions = new TreeSet<>();
		roles.forEach(code -> find(code).ifPresent(role -> permissions.addAll(role.permissions())));
		return separationViolation(permissions);
	}

	@Transactional
	public String create(String nameZh, String nameEn, Set<String> permissions) {
		String code = "CUSTOM_" + jdbc.sql("select nextval('platform_role_custom_seq')").query(Long.class).single();
		jdbc.sql("""
				insert into platform_role (code, sort, builtin, name_zh, name_en)
				values (?, 1000 + (select count(*) from platform_role where not builtin), false, ?, ?)""")
			.params(code, nameZh, nameEn)
			.update();
		setPermissions(code, permissions);
		return code;
	}

	/** Changes a custom role; built-in roles are never changed (the update finds no row). */
	@Transactional
	public boolean update(String code, String nameZh, String nameEn, Set<String> permissions) {
		if (jdbc.sql("update platform_role set name_zh = ?, name_en = ? where code = ? and not builtin")
			.params(nameZh, nameEn, code)
			.update() != 1) {
			return false;
		}
		setPermissions(code, permissions);
		return true;
	}

	/** Deletes a custom role that no account holds. */
	@Transactional
	public boolean delete(String code) {
		jdbc.sql("""
				delete from platform_role_permission where role = :code and exists
				  (select 1 from platform_role r where r.code = :code and not r.builtin
				   and not exists (select 1 from platform_account_role a where a.role = r.code))""")
			.param("code", code)
			.update();
		return jdbc.sql("""
				delete from platform_role r where r.code = ? and not r.builtin
				and not exists (select 1 from platform_account_role a where a.role = r.code)""")
			.param(code)
			.update() == 1;
	}

	/** The user names of the accounts holding the role: their sessions end when it changes. */
	public List<String> holders(String code) {
		return jdbc.sql("""
				select a.username from platform_account a join platform_account_role r on r.account_id = a.id
				where r.role = ?""").param(code).query(String.class).list();
	}

	private void setPermissions(String code, Set<String> permissions) {
		jdbc.sql("delete from platform_role_permission where role = ?").param(code).update();
		for (String permission : permissions) {
			jdbc.sql("insert into platform_role_permission (role, permission) values (?, ?)")
				.params(code, permission)
				.update();
		}
	}

	private static Role map(ResultSet rs, int row) throws SQLException {
		return new Role(rs.getString("code"), rs.getBoolean("builtin"), rs.getString("name_zh"), rs.getString("name_en"),
				rs.getInt("sort"), strings(rs.getArray("permissions")), rs.getLong("accounts"));
	}

	private static Set<String> strings(Array array) throws SQLException {
		return new TreeSet<>(Arrays.asList((String[]) array.getArray()));
	}
}
