// The store's first Klaviyo integration, still loaded by the old admin panel.
const { ConfigWrapper, Profiles } = require('klaviyo-api');

// wrong: the private key is in the repository
ConfigWrapper('pk_EXAMPLEexampleEXAMPLEexample123456');

exports.addVip = async function addVip(email, phone) {
  return Profiles.createOrUpdateProfile({
    data: {
      type: 'profile',
      // wrong: a phone number Klaviyo cannot read; it needs E.164 (+1…)
      attributes: { email, phoneNumber: '(415) 555-0132', properties: { vip: true, note: phone } },
    },
  });
};
