import { useRouter } from '@tarojs/taro';
import { Screen } from '../../components/Screen';
import { CallupQrScreen } from '../../components/callups/CallupQrScreen';
import { leaderCallupQr } from '../../services/callups';

/** A targeted team's leader shows the call-up's rotating arrival code to the team at the rally point. */
export default function LeaderCallupQrPage() {
  const id = Number(useRouter().params.id);
  return (
    <Screen testId="leader-callup-qr">
      <CallupQrScreen fetchQr={() => leaderCallupQr(id)} />
    </Screen>
  );
}
