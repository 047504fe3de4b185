package org.tongxin.platform.accounts.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.OptionalLong;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.tongxin.platform.CurrentUser;
import org.tongxin.platform.accounts.Account;
import org.tongxin.platform.accounts.Accounts;
import org.tongxin.platform.security.LoginSteps;
import org.tongxin.platform.security.Totp;

/**
 * The second factor, as the pending step after the password: enrolment of an authenticator app the
 * first time, a six-digit code every time after.
 */
@Controller
@RequestMapping("/login/mfa")
@PreAuthorize("isAuthenticated()")
class MfaController {

	static final String VIEW = "platform/accounts/mfa";

	static final String ISSUER = "Tongxin";

	// Four modules of quiet zone, as the QR standard asks, so that every phone camera finds the code.
	private static final int QR_SIZE = 240;

	private final CurrentUser currentUser;

	private final Accounts accounts;

	private final SelfService service;

	private final Clock clock;

	MfaController(CurrentUser currentUser, Accounts accounts, SelfService service, Clock clock) {
		this.currentUser = currentUser;
		this.accounts = accounts;
		this.service = service;
		this.clock = clock;
	}

	@GetMapping
	String prompt(HttpSession session, Model model) {
		if (!pending(session)) {
			return "redirect:" + LoginSteps.next(session);
		}
		return view(account(), model);
	}

	@PostMapping
	String verify(@RequestParam(defaultValue = "") String code, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		HttpSession session = request.getSession();
		if (!pending(session)) {
			return "redirect:" + LoginSteps.next(session);
		}
		Account account = account();
		String secret = account.totpSecret();
		OptionalLong step = secret == null ? OptionalLong.empty() : Totp.matchingStep(secret, code, clock.instant());
		boolean reused = step.isPresent() && !accounts.useTotpStep(account.id(), step.getAsLong());
		if (step.isPresent() && !reused) {
			service.secondFactorPassed(account);
			session.removeAttribute(LoginSteps.PENDING_MFA);
			// The session now carries full sign-in: give it a new id, as after the password.
			request.changeSessionId();
			return "redirect:" + LoginSteps.next(session);
		}
		if (service.secondFactorFailed(account)) {
			new SecurityContextLogoutHandler().logout(request, response,
					SecurityContextHolder.getContext().getAuthentication());
			return "redirect:/login?locked";
		}
		model.addAttribute("error", reused ? "mfa.reused" : "mfa.invalid");
		return view(account, model);
	}

	/** The enrolment key as a QR code for the authenticator app; gone once the second factor is enrolled. */
	@GetMapping(path = "/qr.png", produces = MediaType.IMAGE_PNG_VALUE)
	ResponseEntity<byte[]> qrCode(HttpSession session) throws WriterException, IOException {
		Account account = account();
		String secret = account.totpSecret();
		if (!pending(session) || account.totpEnabled() || secret == null) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		String uri = Totp.uri(ISSUER, account.username(), secret);
		BitMatrix matrix = new QRCodeWriter().encode(uri, BarcodeFormat.QR_CODE, QR_SIZE, QR_SIZE,
				Map.of(EncodeHintType.MARGIN, 4));
		ByteArrayOutputStream png = new ByteArrayOutputStream();
		MatrixToImageWriter.writeToStream(matrix, "PNG", png);
		return ResponseEntity.ok(png.toByteArray());
	}

	private String view(Account account, Model model) {
		if (!account.totpEnabled()) {
			model.addAttribute("secret", service.enrolmentSecret(account));
		}
		return VIEW;
	}

	private Account account() {
		return accounts.findById(currentUser.actor().accountId())
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private static boolean pending(HttpSession session) {
		return Boolean.TRUE.equals(session.getAttribute(LoginSteps.PENDING_MFA));
	}
}
