package org.tongxin.platform.crypto;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tongxin.platform.DemoMode;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CryptoSettings.class)
class CipherConfiguration {

	@Bean
	FieldCipher fieldCipher(CryptoSettings settings, DemoMode demoMode) {
		return new FieldCipher(settings, demoMode.enabled());
	}

	@Bean
	AuditKey auditKey(CryptoSettings settings, FieldCipher demoKeysChecked) {
		return new AuditKey(settings);
	}
}
