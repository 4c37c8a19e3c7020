import { useRouter } from '@tarojs/taro';
import { Screen } from '../../components/Screen';
import { CallupQrScreen } from '../../components/callups/CallupQrScreen';
import { adminCallupQr } from '../../services/callups';

/** The sending officer shows the call-up's rotating arrival code at the rally point. */
export default function AdminCallupQrPage() {
  const id = Number(useRouter().params.id);
  return (
    <Screen testId="admin-callup-qr">
      <CallupQrScreen fetchQr={() => adminCallupQr(id)} />
    </Screen>
  );
}
