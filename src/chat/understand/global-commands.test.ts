import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseGlobalCommand, type GlobalCommand } from './global-commands.ts';

describe('parseGlobalCommand', () => {
  const cases: [string, GlobalCommand][] = [
    ['menu', 'menu'],
    ['MENU!', 'menu'],
    ['Main menu please', 'menu'],
    ['मेनू', 'menu'],
    ['மெனு', 'menu'],
    ['help', 'help'],
    ['?', 'help'],
    ['मदद', 'help'],
    ['madad chahiye', 'help'],
    ['உதவி', 'help'],
    ['back', 'back'],
    ['go back', 'back'],
    ['वापस', 'back'],
    ['பின்', 'back'],
    ['restart', 'restart'],
    ['Start over', 'restart'],
    ['फिर से शुरू', 'restart'],
    ['மீண்டும் தொடங்கு', 'restart'],
    ['cancel', 'cancel'],
    ['Cancel.', 'cancel'],
    ['रद्द', 'cancel'],
    ['ரத்து', 'cancel'],
    ['stop', 'stop'],
    ['बंद करो', 'stop'],
    ['நிறுத்து', 'stop'],
    ['language', 'language'],
    ['भाषा', 'language'],
    ['மொழி', 'language'],
    ['talk to staff', 'staff'],
    ['agent', 'staff'],
    ['human', 'staff'],
    ['staff se baat', 'staff'],
    ['my bookings', 'my_bookings'],
    ['मेरी बुकिंग', 'my_bookings'],
    ['என் முன்பதிவுகள்', 'my_bookings'],
    ['cancle', 'cancel'], // a typo in a long command word
    ['restrat', 'restart'],
    ['  👋 help 🙏 ', 'help'],
  ];
  for (const [input, expected] of cases) {
    it(`${JSON.stringify(input)} → ${expected}`, () => assert.equal(parseGlobalCommand(input), expected));
  }

  const notCommands = [
    'cancel my booking for Retro',
    'cancel my booking',
    'I want to cancel the 7pm show',
    'help me book 2 tickets for retro',
    'back row seats please',
    'stuff', // one letter from "staff", but a real word
    'hello',
    '2 tickets',
    '',
  ];
  for (const input of notCommands) {
    it(`${JSON.stringify(input)} is not a command`, () => assert.equal(parseGlobalCommand(input), undefined));
  }
});
