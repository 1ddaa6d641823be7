import { neutraliseFormula } from './export.cells.js';

describe('neutraliseFormula', () => {
  it.each([
    ['=HYPERLINK("http://x","y")', `'=HYPERLINK("http://x","y")`],
    ['+1+1', "'+1+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['\rcmd', "'\rcmd"],
    ['张元宗', '张元宗'],
    ['BTH-CQ-0001', 'BTH-CQ-0001'],
    ['a=b', 'a=b'],
    ['', ''],
  ])('%j → %j', (input, output) => {
    expect(neutraliseFormula(input)).toBe(output);
  });

  it('turns null into an empty cell', () => {
    expect(neutraliseFormula(null)).toBe('');
  });
});
