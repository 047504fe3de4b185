package org.tongxin.platform.web;

import org.springframework.modulith.NamedInterface;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Where a form or a button that changed something sends the browser next (Post/Redirect/Get). */
@NamedInterface("web")
public final class Redirects {

	private Redirects() {
	}

	/** To {@code path} (with its anchor, if any), which shows the "saved" notice once. */
	public static String saved(RedirectAttributes redirect, String path) {
		redirect.addFlashAttribute("saved", true);
		return "redirect:" + path;
	}
}
