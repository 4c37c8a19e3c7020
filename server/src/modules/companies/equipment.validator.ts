import { registerDecorator, type ValidationOptions } from 'class-validator';

/** `{ 盾牌: 10 }`: at most 30 names of ≤ 20 characters, each a count between 0 and 100000. */
export function IsEquipmentCounts(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isEquipmentCounts',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: '装备资源应为“名称: 数量”，数量为 0–100000 的整数', ...options },
      validator: {
        validate(value: unknown): boolean {
          if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
          const entries = Object.entries(value as Record<string, unknown>);
          return (
            entries.length <= 30 &&
            entries.every(
              ([k, v]) =>
                k.trim().length > 0 &&
                k.length <= 20 &&
                Number.isInteger(v) &&
                (v as number) >= 0 &&
                (v as number) <= 100000,
            )
          );
        },
      },
    });
}
