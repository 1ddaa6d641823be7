import { CompensationChoice, LeaderboardBoard, Stage } from '@hanjiang/domain';
import { registerEnumType } from 'type-graphql';

// GraphQL enums from the one definition in packages/domain.
registerEnumType(Stage, {
  name: 'Stage',
  description:
    'Stage of a household: SURVEYED 入户摸底 → MEASURED 丈量 → ASSESSED 评估 → SIGNED 签约 → VACATED 腾空交房 → DEMOLISHED 拆除.',
});
registerEnumType(CompensationChoice, {
  name: 'CompensationChoice',
  description: 'CASH 货币补偿 or PROPERTY_SWAP 产权置换 (into a resettlement site).',
});
registerEnumType(LeaderboardBoard, {
  name: 'LeaderboardBoard',
  description: 'Which units a leaderboard ranks: HEADQUARTERS, TOWNSHIP, PAIRING (结对乡镇) or TEAM.',
});

export { CompensationChoice, LeaderboardBoard, Stage };
