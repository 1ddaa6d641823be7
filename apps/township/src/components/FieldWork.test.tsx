import type { HouseholdCardFieldsFragment } from '@hanjiang/client';
import { cleanup, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { renderInPortal, stubMatchMedia } from '../test-support.js';
import { FieldWork } from './FieldWork.js';

beforeAll(stubMatchMedia);
afterEach(cleanup);

const household = {
  visits: [
    {
      id: 'v1',
      visitedAt: '2020-10-22T12:15:00Z', // 20:15 in Shanghai
      metWith: '户主本人',
      purpose: 'SIGNING_TALK',
      outcome: '户主同意周末签约',
      nextStep: '准备签约材料',
      offHours: true,
    },
    {
      id: 'v2',
      visitedAt: '2020-10-21T02:00:00Z',
      metWith: '户主配偶',
      purpose: 'MEASUREMENT_APPOINTMENT',
      outcome: '约定丈量时间',
      nextStep: null,
      offHours: false,
    },
  ],
  openDisputes: [
    {
      id: 'd1',
      category: 'OWNERSHIP_INHERITANCE',
      state: 'MEDIATING',
      mediator: '林调解',
      openedAt: '2020-10-20T12:00:00Z',
    },
  ],
} as Pick<HouseholdCardFieldsFragment, 'visits' | 'openDisputes'>;

describe('FieldWork on the household card', () => {
  it('shows open disputes and visits in Chinese, off-hours visits marked', () => {
    renderInPortal(<FieldWork household={household} />);
    expect(screen.getByTestId('open-disputes').textContent).toMatch(/调解中.*权属与继承.*林调解/);
    const visits = screen.getAllByTestId('visit');
    expect(visits).toHaveLength(2);
    expect(visits[0]!.textContent).toMatch(/签约洽谈.*错时走访.*户主同意周末签约/);
    expect(visits[0]!.textContent).toMatch(/20:15/);
    expect(visits[1]!.textContent).not.toMatch(/错时走访/);
  });

  it('says so when there is nothing, in English too', () => {
    renderInPortal(<FieldWork household={{ visits: [], openDisputes: [] }} />, 'en');
    expect(screen.getByText('No open disputes')).toBeTruthy();
    expect(screen.getByText('No visits recorded')).toBeTruthy();
  });
});
