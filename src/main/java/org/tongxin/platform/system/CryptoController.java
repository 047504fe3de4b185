package org.tongxin.platform.system;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.tongxin.platform.Conflict;
import org.tongxin.platform.crypto.ReEncryption;
import org.tongxin.platform.crypto.ReEncryptions;

/**
 * The system administrator's crypto screen: the suite and key in force, per encrypted column how many values
 * are still of an older suite or key, and the re-encryption job with its progress bar (the job progress
 * fragment, polled by htmx). The administrator sees counts of ciphertexts, never a value.
 */
@Controller
class CryptoController {

	private final ReEncryptions reEncryptions;

	CryptoController(ReEncryptions reEncryptions) {
		this.reEncryptions = reEncryptions;
	}

	@GetMapping("/system/crypto")
	@PreAuthorize("hasAuthority('" + ReEncryption.PERMISSION + "')")
	String show(Model model) {
		return page(model);
	}

	/** The address the issue names; the system administrator's screens live under /system. */
	@GetMapping("/admin/crypto")
	@PreAuthorize("hasAuthority('" + ReEncryption.PERMISSION + "')")
	String adminAddress() {
		return "redirect:/system/crypto";
	}

	@PostMapping("/system/crypto/reencrypt")
	@PreAuthorize("hasAuthority('" + ReEncryption.PERMISSION + "')")
	String start(Model model, HttpServletResponse response) {
		try {
			reEncryptions.start();
		}
		catch (Conflict e) {
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			model.addAttribute("alreadyRunning", true);
			return page(model);
		}
		return "redirect:/system/crypto?started";
	}

	private String page(Model model) {
		var columns = reEncryptions.outdated();
		model.addAttribute("suite", reEncryptions.suite());
		model.addAttribute("activeKey", reEncryptions.activeKey());
		model.addAttribute("columns", columns);
		model.addAttribute("outdated", columns.stream().mapToLong(ReEncryption.Outdated::outdated).sum());
		var job = reEncryptions.latest();
		model.addAttribute("job", job.orElse(null));
		model.addAttribute("running", job.filter(j -> !j.status().finished()).isPresent());
		return "platform/system/crypto";
	}
}
