import { Text, View } from '@tarojs/components';
import { Screen } from '../../components/Screen';
import { PRIVACY_POLICY } from '../../logic/privacy-policy';
import { PRIVACY_POLICY_VERSION } from '../../logic/privacy';
import '../../components/privacy.css';

/** 隐私政策: what is collected, why, for how long, who sees it, how it is protected, the person's rights, whom to ask. */
export default function PrivacyPage() {
  return (
    <Screen testId="privacy-page" privacyGate={false}>
      <View className="jh-card">
        <Text className="jh-title">江淮义警隐私政策</Text>
        <Text className="jh-block jh-muted">更新日期：{PRIVACY_POLICY_VERSION}</Text>
      </View>
      {PRIVACY_POLICY.map((section) => (
        <View key={section.key} className="jh-card" data-testid={`privacy-${section.key}`}>
          <Text className="jh-section-title jh-policy-section" style={{ marginTop: 0 }}>
            {section.title}
          </Text>
          {section.items.map((item) => (
            <Text key={item} className="jh-policy-item">
              {item}
            </Text>
          ))}
        </View>
      ))}
    </Screen>
  );
}
