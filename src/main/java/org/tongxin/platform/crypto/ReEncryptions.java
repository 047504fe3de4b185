package org.tongxin.platform.crypto;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.platform.AuditLog;
import org.tongxin.platform.Conflict;
import org.tongxin.platform.jobs.BackgroundJobs;
import org.tongxin.platform.jobs.Job;
import org.tongxin.platform.jobs.JobId;

/**
 * What the system administrator's crypto screen does: shows the suite and key in force and how many values
 * are still to re-encrypt, and starts the re-encryption job ({@link ReEncryption}) — one at a time: two jobs
 * would walk the same rows twice for nothing. The check before submitting gives the readable refusal; the
 * partial unique index {@code platform_job_one_reencryption} (V101) holds when two start at the same moment.
 */
@Service
public class ReEncryptions {

	/** The audit action of a start. */
	public static final String STARTED = "CRYPTO_REENCRYPT";

	private final ReEncryption job;

	private final BackgroundJobs jobs;

	private final FieldCipher cipher;

	private final AuditLog audit;

	ReEncryptions(ReEncryption job, BackgroundJobs jobs, FieldCipher cipher, AuditLog audit) {
		this.job = job;
		this.jobs = jobs;
		this.cipher = cipher;
		this.audit = audit;
	}

	public CryptoSuite suite() {
		return cipher.suite();
	}

	public int activeKey() {
		return cipher.activeKey();
	}

	/** Per declared column, how many values are not of the current suite and key. */
	@Transactional(readOnly = true)
	public List<ReEncryption.Outdated> outdated() {
		return job.outdated();
	}

	/** The latest re-encryption job the caller may follow, running or ended. */
	public Optional<Job> latest() {
		return jobs.recent(ReEncryption.KIND, null, 1).stream().findFirst();
	}

	/**
	 * Queues the re-encryption, audited with the suite, the key and what was outdated.
	 *
	 * @throws AlreadyRunning while another re-encryption is queued or running
	 */
	@Transactional
	public Job start() {
		if (latest().filter(j -> !j.status().finished()).isPresent()) {
			throw new Conflict("crypto.reencrypt.alreadyRunning");
		}
		List<ReEncryption.Outdated> outdated = outdated();
		JobId id;
		try {
			id = jobs.submit(ReEncryption.KIND, Map.of(), List.of());
		}
		catch (DataIntegrityViolationException e) {
			// Another start won the race: the unique index refused the second queued job (and the whole
			// transaction, with its audit entry, rolls back with this exception).
			throw new Conflict("crypto.reencrypt.alreadyRunning");
		}
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("suite", cipher.suite().name());
		detail.put("activeKey", cipher.activeKey());
		detail.put("outdated", outdated.stream().mapToLong(ReEncryption.Outdated::outdated).sum());
		audit.record(STARTED, "job", id, detail, null);
		return jobs.find(id).orElseThrow();
	}
}
