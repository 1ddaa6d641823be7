module.exports = { ...require('@hanjiang/config/jest') };
