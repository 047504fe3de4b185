package org.tongxin.platform.web;

import java.net.URI;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.modulith.NamedInterface;

/**
 * The API's answers about a record with a version: the version is its ETag, which a client sends back as
 * If-Match so that an update it made from an old copy is refused (409) instead of overwriting a newer one.
 */
@NamedInterface("web")
public final class ETags {

	private ETags() {
	}

	/** 200 with the record and its version as the ETag. */
	public static <T> ResponseEntity<T> ok(int version, T body) {
		return ResponseEntity.ok().eTag(Integer.toString(version)).body(body);
	}

	/** 201 with the new record's address, the record and its version as the ETag. */
	public static <T> ResponseEntity<T> created(String location, int version, T body) {
		return ResponseEntity.created(URI.create(location)).eTag(Integer.toString(version)).body(body);
	}

	/** The version an update expects: the If-Match header's (an ETag, quoted or not), else {@code otherwise}. */
	public static int expected(@Nullable String ifMatch, int otherwise) {
		return ifMatch == null ? otherwise : Integer.parseInt(ifMatch.replace("\"", "").trim());
	}
}
