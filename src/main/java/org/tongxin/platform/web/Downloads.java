package org.tongxin.platform.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.modulith.NamedInterface;

/** Files users uploaded, served back to them. */
@NamedInterface("web")
public final class Downloads {

	private Downloads() {
	}

	/**
	 * A 200 that downloads an uploaded file under its own name (RFC 5987, any language), typed as its bytes
	 * were recognised and never rendered inline nor sniffed into something else by the browser: the body and
	 * any further headers are the caller's.
	 */
	public static ResponseEntity.BodyBuilder attachment(String contentType, String fileName) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(contentType))
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"evidence\"; filename*=UTF-8''"
					+ URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20"))
			.header("X-Content-Type-Options", "nosniff");
	}
}
