@area:qmtcfg
Feature: AT+QMTCFG <client_idx> is 0~5 for every sub-option (spec 3.3.1)
  Readings of the note this feature depends on (src/variants/readings.ts): none (every answer here is forced by the note).

  Rule: A client index outside 0~5 gives ERROR, in the query and in the set form

    @spec:3.3.1:client_idx:range
    Scenario Outline: AT+QMTCFG="<sub>" with client index <idx> is refused
      When the host sends AT+QMTCFG="<sub>",<idx><params>
      Then the module answers ERROR

      Examples: query form
        | sub        | idx | params |
        | version    | 6   |        |
        | keepalive  | -1  |        |
        | timeout    | 6   |        |
        | recv/mode  | x   |        |

      Examples: set form
        | sub        | idx | params    |
        | version    | 6   | ,4        |
        | pdpcid     | 6   | ,1        |
        | keepalive  | 6   | ,60       |
        | session    | -1  | ,1        |
        | timeout    | 6   | ,5,3,0    |
        | qmtping    | 6   | ,5        |
        | send/mode  | 6   | ,0        |
        | view/mode  | 6   | ,0        |
