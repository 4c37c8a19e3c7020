import { useCallback, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import {
  ORG_LEVEL_LABELS,
  UNIT_CONTACT_KINDS,
  UNIT_CONTACT_KIND_LABELS,
  type UnitContactKind,
  type UnitContactsResponse,
} from '@jianghuai/shared';
import { Screen } from '../../components/Screen';
import { PagedListView } from '../../components/PagedListView';
import { BigButton } from '../../components/BigButton';
import { FieldError } from '../../components/Choice';
import { errorText } from '../../hooks/useResource';
import { PAGE_SIZE, usePagedList } from '../../hooks/usePagedList';
import { listUnitContacts, revealUnitContact } from '../../services/admin';
import { ContactEditor } from './ContactEditor';
import '../admin.css';
import '../../components/enrolment.css';

/** One contact line: name, title, masked phone, 查看完整号码 (confirmed, audited) and 修改. */
function ContactLine({
  unit,
  kind,
  onEdit,
}: {
  unit: UnitContactsResponse;
  kind: UnitContactKind;
  onEdit: () => void;
}) {
  const c = unit[kind];
  const [full, setFull] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reveal = async () => {
    const { confirm } = await Taro.showModal({
      title: '查看完整号码',
      content: '查看完整手机号会记入操作日志。确定查看吗？',
      confirmText: '确定查看',
      cancelText: '取消',
    });
    if (!confirm) return;
    try {
      setFull((await revealUnitContact(unit.orgUnit.id, kind)).value);
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <View style={{ marginTop: '10px' }} data-testid={`contact-${kind}`}>
      <Text className="jh-row-card__line">
        {UNIT_CONTACT_KIND_LABELS[kind]}：{c ? `${c.name}（${c.title}） ${full ?? c.phoneMasked ?? ''}` : '未登记'}
      </Text>
      <FieldError message={error} />
      <View className="jh-filter">
        {c && !full ? (
          <View className="jh-filter__item" onClick={() => void reveal()} data-testid={`contact-reveal-${kind}`}>
            查看完整号码
          </View>
        ) : null}
        <View className="jh-filter__item" onClick={onEdit} data-testid={`contact-edit-${kind}`}>
          {c ? '修改' : '登记'}
        </View>
      </View>
    </View>
  );
}

/** 单位联系人: each branch and station in scope with its 负责人 and 联络员, and the form to record them. */
export default function UnitContactsPage() {
  const fetchPage = useCallback((page: number) => listUnitContacts({ page, pageSize: PAGE_SIZE }), []);
  const list = usePagedList(fetchPage, 'contacts');
  const [editing, setEditing] = useState<{ unit: UnitContactsResponse; kind: UnitContactKind } | null>(null);
  if (editing) {
    return (
      <Screen testId="unit-contact-edit">
        <Text className="jh-title">{editing.unit.orgUnit.name}</Text>
        <ContactEditor
          orgUnitId={editing.unit.orgUnit.id}
          kind={editing.kind}
          current={editing.unit[editing.kind]}
          onSaved={() => {
            setEditing(null);
            list.reload();
          }}
        />
        <BigButton kind="secondary" onClick={() => setEditing(null)} testId="contact-cancel">
          返回列表
        </BigButton>
      </Screen>
    );
  }
  return (
    <Screen testId="unit-contacts">
      <PagedListView
        list={list}
        testId="unit-contacts-list"
        emptyText="范围内没有分局或派出所。"
        countLabel={(total) => `共 ${total} 个单位`}
        renderItem={(unit) => (
          <View key={unit.orgUnit.id} className="jh-row-card" data-testid="unit-contacts-item">
            <Text className="jh-row-card__title">
              {unit.orgUnit.name}（{ORG_LEVEL_LABELS[unit.orgUnit.level]}）
            </Text>
            {UNIT_CONTACT_KINDS.map((kind) => (
              <ContactLine key={kind} unit={unit} kind={kind} onEdit={() => setEditing({ unit, kind })} />
            ))}
          </View>
        )}
      />
    </Screen>
  );
}
