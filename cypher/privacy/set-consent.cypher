// Records a user's consent choices: the properties given (consentPersonalisation, consentSocial,
// consentAnalytics, consentMarketing) overwrite, the others are kept. No row when the user does not exist (NOT_FOUND).
// :param userId => 'u1'
// :param props => {consentSocial: false}
MATCH (u:User {id: $userId})
SET u += $props
RETURN u.id AS id
