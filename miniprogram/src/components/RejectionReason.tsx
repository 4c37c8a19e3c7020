import { Text, View } from '@tarojs/components';

/** Why an application was refused, under a bold “未通过原因：” (the status page and the visitor's home). */
export function RejectionReason({ reason, testId }: { reason: string | null | undefined; testId: string }) {
  if (!reason) return null;
  return (
    <View style={{ marginTop: '12px' }}>
      <Text className="jh-block" style={{ fontWeight: 700 }}>
        未通过原因：
      </Text>
      <Text className="jh-block" data-testid={testId}>
        {reason}
      </Text>
    </View>
  );
}
